/**
 * Parley's core: the WAR that hosts tenants' bots. Sub-packages by layer, each with its rule in its
 * own {@code package-info.java} (checked by {@code PackageRulesTest}): the API ({@code rest} and
 * its records in {@code rest.dto}; {@code ops}, {@code console}); the application ({@code admin}
 * services that own transactions; {@code turn}, the one way through a turn); adapters out ({@code
 * actionserver}, {@code llm}) and the server's NLU ({@code nlu}); bots ({@code bot}, {@code
 * bot.definition}); and below them {@code tracker} (conversations), {@code tenant}, {@code
 * security}, {@code plugin} (discovery and the plugin guard), {@code cluster}, {@code crypto},
 * {@code db}, {@code replychecks}, {@code json} and {@code config}. No package cycles.
 */
package dev.parley.core;
