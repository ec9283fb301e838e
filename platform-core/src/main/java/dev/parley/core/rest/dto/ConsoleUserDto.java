package dev.parley.core.rest.dto;

import dev.parley.core.security.ConsoleUserEntity;

/** A console user of a tenant (never its password hash). */
public record ConsoleUserDto(String user, String role, String createdAt) {

  /** The JSON row of a stored user. */
  public static ConsoleUserDto from(ConsoleUserEntity user) {
    return new ConsoleUserDto(
        user.getName(), user.getRole().jsonName(), user.getCreatedAt().toString());
  }
}
