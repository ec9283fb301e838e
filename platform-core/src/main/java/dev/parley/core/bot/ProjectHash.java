package dev.parley.core.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.core.json.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A project's content hash as a bot version stores it: the SHA-256 of its files as one JSON object
 * (path to text, sorted by path). The command line writes it into a trained model's manifest, so
 * the server can tell whether the artifacts were trained from the files beside them.
 */
public final class ProjectHash {

  private ProjectHash() {}

  /** The files as the JSON object a bot version stores (sorted by path). */
  public static String definition(Map<String, String> files) {
    try {
      return Json.mapper().writeValueAsString(new TreeMap<>(files));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The content hash of the project's files. */
  public static String of(Map<String, String> files) {
    return sha256(definition(files).getBytes(StandardCharsets.UTF_8));
  }

  /** The lower-case hex SHA-256 of some bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
