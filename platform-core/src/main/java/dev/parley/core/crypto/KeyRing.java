package dev.parley.core.crypto;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption keys, the first one active: it encrypts everything new, while all of them decrypt.
 * Written as {@code id:base64key} entries separated by commas or line breaks; blank lines and lines
 * starting with {@code #} are ignored. Rotating means putting a new key first and keeping the old
 * ones after it until their data is re-encrypted.
 */
public final class KeyRing {

  /** Key length in bytes (AES-256). */
  public static final int KEY_BYTES = 32;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

  private final EncryptionKey active;
  private final Map<String, EncryptionKey> byId;
  private final Set<String> ids;

  private KeyRing(List<EncryptionKey> keys) {
    this.active = keys.get(0);
    Map<String, EncryptionKey> map = new LinkedHashMap<>();
    keys.forEach(key -> map.put(key.id(), key));
    this.byId = Map.copyOf(map);
    this.ids = Collections.unmodifiableSet(new LinkedHashSet<>(map.keySet()));
  }

  /**
   * Parses a key ring.
   *
   * @param text the entries
   * @param source where they came from, named in error messages (e.g. a setting or file name)
   * @throws KeyConfigException if an entry is malformed, an id repeats or there is no key; the
   *     message names the source, the entry number and the id, never the key
   */
  public static KeyRing parse(String text, String source) {
    List<EncryptionKey> keys = new ArrayList<>();
    int number = 0;
    for (String entry : entries(text)) {
      number++;
      EncryptionKey key = entry(entry, number, source);
      if (keys.stream().anyMatch(known -> known.id().equals(key.id()))) {
        throw new KeyConfigException(source + ": key id '" + key.id() + "' appears more than once");
      }
      keys.add(key);
    }
    if (keys.isEmpty()) {
      throw new KeyConfigException(source + ": no key; expected entries like <id>:<base64 key>");
    }
    return new KeyRing(keys);
  }

  private static List<String> entries(String text) {
    List<String> entries = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      for (String entry : line.split(",")) {
        if (!entry.isBlank()) {
          entries.add(entry.strip());
        }
      }
    }
    return entries;
  }

  /** A ring of the given keys, the first active. */
  public static KeyRing of(EncryptionKey active, EncryptionKey... older) {
    List<EncryptionKey> keys = new ArrayList<>();
    keys.add(active);
    keys.addAll(List.of(older));
    return new KeyRing(keys);
  }

  private static EncryptionKey entry(String entry, int number, String source) {
    int colon = entry.indexOf(':');
    String where = source + ": entry " + number;
    if (colon < 0) {
      throw new KeyConfigException(where + " is not of the form <id>:<base64 key>");
    }
    String id = entry.substring(0, colon).strip();
    if (!ID.matcher(id).matches()) {
      throw new KeyConfigException(
          where + " has an invalid key id (1 to 32 letters, digits, '.', '_' or '-')");
    }
    byte[] material;
    try {
      material = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
    } catch (IllegalArgumentException e) {
      throw new KeyConfigException(where + " (key id '" + id + "'): the key is not valid base64");
    }
    if (material.length != KEY_BYTES) {
      throw new KeyConfigException(
          where
              + " (key id '"
              + id
              + "'): the key must be 256 bits (32 bytes), not "
              + material.length * 8
              + " bits");
    }
    return new EncryptionKey(id, new SecretKeySpec(material, "AES"));
  }

  /** The key that encrypts new data. */
  public EncryptionKey active() {
    return active;
  }

  /** The key with this id, if the ring has it. */
  public Optional<EncryptionKey> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The ids of all keys, in their configured order (the active one first). */
  public Set<String> ids() {
    return ids;
  }

  /** How many keys the ring holds. */
  public int size() {
    return byId.size();
  }
}
