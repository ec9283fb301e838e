/** A logistic-regression intent classifier on word and character n-grams, trained with Tribuo. */
package dev.parley.plugins.nlu.logreg;
