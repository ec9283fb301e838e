package dev.parley.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActionExecutionRejected;
import dev.parley.plugin.conversation.ActionReverted;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.AllSlotsReset;
import dev.parley.plugin.conversation.BotUttered;
import dev.parley.plugin.conversation.ConversationPaused;
import dev.parley.plugin.conversation.ConversationResumed;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.FollowupAction;
import dev.parley.plugin.conversation.LoopInterrupted;
import dev.parley.plugin.conversation.Restarted;
import dev.parley.plugin.conversation.SessionStarted;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUtteranceReverted;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.NluDecision;
import dev.parley.plugin.nlu.ParseResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one JSON mapper of the core: Rasa's snake_case names, events tagged by {@code "event"}, and
 * records from the plugin API serialised without annotations in the API itself.
 */
public final class Json {

  /** Writes epoch-second timestamps as {@code 1795509436.745}, not {@code 1.795509436745E9}. */
  private static final StdSerializer<Double> PLAIN_DOUBLE =
      new StdSerializer<>(Double.class) {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
            throws IOException {
          if (value.isNaN() || value.isInfinite() || Math.abs(value) < 1e7) {
            gen.writeNumber(value);
          } else {
            gen.writeNumber(BigDecimal.valueOf(value));
          }
        }
      };

  private static final ObjectMapper MAPPER = create();

  private Json() {}

  /** The shared, thread-safe mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Events as JSON trees, each with its {@code "event"} name (inside untyped maps and lists Jackson
   * would otherwise leave the type name out).
   */
  public static List<JsonNode> eventTrees(List<? extends Event> events) {
    List<JsonNode> trees = new ArrayList<>(events.size());
    for (Event event : events) {
      trees.add(MAPPER.valueToTree(event));
    }
    return trees;
  }

  private static ObjectMapper create() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    mapper.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
    mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    mapper.addMixIn(Event.class, EventMixin.class);
    SimpleModule plainNumbers = new SimpleModule("parley-plain-doubles");
    plainNumbers.addSerializer(Double.class, PLAIN_DOUBLE);
    plainNumbers.addSerializer(double.class, PLAIN_DOUBLE);
    mapper.registerModule(plainNumbers);
    mapper.addMixIn(Entity.class, EntityMixin.class);
    mapper.addMixIn(ParseResult.class, ParseResultMixin.class);
    return mapper;
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = UserUttered.class, name = UserUttered.TYPE),
    @JsonSubTypes.Type(value = BotUttered.class, name = BotUttered.TYPE),
    @JsonSubTypes.Type(value = ActionExecuted.class, name = ActionExecuted.TYPE),
    @JsonSubTypes.Type(value = SlotSet.class, name = SlotSet.TYPE),
    @JsonSubTypes.Type(value = ActiveLoop.class, name = ActiveLoop.TYPE),
    @JsonSubTypes.Type(value = LoopInterrupted.class, name = LoopInterrupted.TYPE),
    @JsonSubTypes.Type(value = Restarted.class, name = Restarted.TYPE),
    @JsonSubTypes.Type(value = SessionStarted.class, name = SessionStarted.TYPE),
    @JsonSubTypes.Type(value = FollowupAction.class, name = FollowupAction.TYPE),
    @JsonSubTypes.Type(value = AllSlotsReset.class, name = AllSlotsReset.TYPE),
    @JsonSubTypes.Type(value = UserUtteranceReverted.class, name = UserUtteranceReverted.TYPE),
    @JsonSubTypes.Type(value = ActionReverted.class, name = ActionReverted.TYPE),
    @JsonSubTypes.Type(value = ConversationPaused.class, name = ConversationPaused.TYPE),
    @JsonSubTypes.Type(value = ConversationResumed.class, name = ConversationResumed.TYPE),
    @JsonSubTypes.Type(value = ActionExecutionRejected.class, name = ActionExecutionRejected.TYPE)
  })
  private interface EventMixin {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private interface EntityMixin {}

  /**
   * {@code response_selector} only when the message has a retrieval intent; Parley's decision as
   * the extra field {@code parley}.
   */
  private interface ParseResultMixin {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Map<String, Object> responseSelector();

    @JsonProperty("parley")
    NluDecision decision();
  }
}
