package dev.parley.core.bot.definition;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** A zip whose entry name is not UTF-8 is a bad bot project, not a server error (fuzzer). */
class ProjectFilesZipTest {

  @Test
  void entryNamesThatAreNotUtf8AreABadZip() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.putNextEntry(new ZipEntry("domain\u00e9.yml"));
      zip.write("intents: [greet]".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    byte[] bytes = out.toByteArray();
    for (int i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] == (byte) 0xC3 && bytes[i + 1] == (byte) 0xA9) {
        bytes[i] = (byte) 0xFF;
        bytes[i + 1] = (byte) 0xFE;
      }
    }
    assertThrows(BotDefinitionException.class, () -> ProjectFiles.fromZip(bytes));
  }
}
