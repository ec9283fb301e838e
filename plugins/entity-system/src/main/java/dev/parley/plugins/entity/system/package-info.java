/**
 * Structured values (numbers, money, dates and times, contacts) with Duckling's names and shapes.
 */
package dev.parley.plugins.entity.system;
