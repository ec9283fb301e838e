/**
 * Who may use the admin API and the console: the {@code admin} account (HTTP Basic or a console
 * session), console users of tenants with roles, PBKDF2 password hashes, cookie sessions with CSRF
 * tokens, sign-in attempt limits, the security headers, and the access policy every admin call
 * passes. Rule: it may use only {@code config}, {@code tenant}, {@code db} and {@code json}.
 */
package dev.parley.core.security;
