package dev.parley.core.bot;

/**
 * Tells a whole zip from a truncated one. A zip read front to back ({@link
 * java.util.zip.ZipInputStream}) silently stops where a cut file ends; the end-of-central-directory
 * record, which every zip ends with, says whether the file is whole and how many entries it has.
 */
final class ZipIntegrity {

  private static final int END_SIGNATURE = 0x06054b50;
  private static final int END_SIZE = 22;
  private static final int MAX_COMMENT = 0xFFFF;

  private ZipIntegrity() {}

  /**
   * Checks that the zip ends with its end-of-central-directory record.
   *
   * @throws ModelArchive.InvalidModelArchive when it does not (a cut or damaged file)
   */
  static void check(byte[] zip) {
    if (end(zip) < 0) {
      throw truncated();
    }
  }

  /**
   * Checks that the entries read front to back are as many as the central directory lists.
   *
   * @throws ModelArchive.InvalidModelArchive when they are not
   */
  static void checkCount(byte[] zip, int read) {
    int end = end(zip);
    if (end < 0) {
      throw truncated();
    }
    int listed = (zip[end + 10] & 0xFF) | (zip[end + 11] & 0xFF) << 8;
    if (listed != 0xFFFF && listed != read) {
      throw new ModelArchive.InvalidModelArchive(
          "the zip is damaged: its directory lists " + listed + " entries, " + read + " were read");
    }
  }

  /** Whether the bytes start as a zip does (a local file header). */
  static boolean looksLikeZip(byte[] bytes) {
    return bytes.length >= 4
        && bytes[0] == 'P'
        && bytes[1] == 'K'
        && bytes[2] == 3
        && bytes[3] == 4;
  }

  private static int end(byte[] zip) {
    int last = zip.length - END_SIZE;
    int first = Math.max(0, last - MAX_COMMENT);
    for (int at = last; at >= first; at--) {
      if (readInt(zip, at) == END_SIGNATURE && at + END_SIZE + comment(zip, at) == zip.length) {
        return at;
      }
    }
    return -1;
  }

  private static int comment(byte[] zip, int end) {
    return (zip[end + 20] & 0xFF) | (zip[end + 21] & 0xFF) << 8;
  }

  private static int readInt(byte[] bytes, int at) {
    return (bytes[at] & 0xFF)
        | (bytes[at + 1] & 0xFF) << 8
        | (bytes[at + 2] & 0xFF) << 16
        | (bytes[at + 3] & 0xFF) << 24;
  }

  private static ModelArchive.InvalidModelArchive truncated() {
    return new ModelArchive.InvalidModelArchive(
        "the zip is truncated or damaged (it has no end-of-central-directory record)");
  }
}
