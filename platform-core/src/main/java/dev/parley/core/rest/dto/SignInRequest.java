package dev.parley.core.rest.dto;

/**
 * Console sign-in.
 *
 * @param user the user name
 * @param password the password
 */
public record SignInRequest(String user, String password) {}
