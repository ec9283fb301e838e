/**
 * Application services of the admin API: they own the transactions and do the work the console's
 * resources ask for (bot versions, export, activation, keys, deletion with cascade; finding and
 * masking conversations). They may use {@code bot}, {@code tenant}, {@code tracker}, {@code turn},
 * {@code security} and {@code console}; they must not import {@code rest}.
 */
package dev.parley.core.admin;
