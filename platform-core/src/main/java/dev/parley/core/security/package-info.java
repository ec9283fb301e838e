/**
 * Who may use the admin API and the console: the {@code admin} account (HTTP Basic or a console
 * session), console users of tenants with roles, PBKDF2 password hashes, cookie sessions with CSRF
 * tokens, and the access policy every admin call passes.
 */
package dev.parley.core.security;
