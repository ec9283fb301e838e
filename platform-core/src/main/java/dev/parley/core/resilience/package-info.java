/** Fault-tolerance pieces shared by the core's calls out of the server. */
package dev.parley.core.resilience;
