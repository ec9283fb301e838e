/**
 * Parley's plugin SPI: the common contract of every extension point.
 *
 * <p>Each extension point is a worker interface plus a {@link dev.parley.plugin.PluginFactory}
 * registered in {@code META-INF/services}. Nothing here exposes JPA, Hibernate, Infinispan, JAX-RS
 * or core types; plugins are plain Java.
 */
package dev.parley.plugin;
