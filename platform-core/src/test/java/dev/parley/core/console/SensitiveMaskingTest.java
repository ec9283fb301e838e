package dev.parley.core.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SensitiveMaskingTest {

  @Test
  void sensitiveValuesAreMaskedWhereverTheyAppear() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> events = new ArrayList<>();
    json.readTree(
            """
            [{"event":"user","text":"call 13812345678","parse_data":{"text":"call 13812345678",
              "entities":[{"entity":"phone","value":"13812345678"}]}},
             {"event":"slot","name":"phone","value":"13812345678"},
             {"event":"user","text":"12 Park Road","parse_data":{"text":"12 Park Road","entities":[]}},
             {"event":"slot","name":"address","value":"12 Park Road"},
             {"event":"slot","name":"size","value":"large"},
             {"event":"bot","text":"To 12 Park Road; we'll call 13812345678. Large?"}]
            """)
        .forEach(events::add);
    SensitiveMasking.maskEvents(events, Set.of("phone", "address"));
    String out = events.toString();
    assertFalse(out.contains("13812345678"), out);
    assertFalse(out.contains("Park Road"), out);
    assertEquals("large", events.get(4).path("value").asText());
    assertEquals("To ••••; we'll call ••••. Large?", events.get(5).path("text").asText());
  }
}
