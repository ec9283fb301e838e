package dev.parley.plugins.channel.directline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugin.channel.ChannelSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DirectLineConversationTest {

  private static final DirectLineConversation.StreamFrames FRAMES =
      (activities, watermark) ->
          watermark + ":" + activities.stream().map(a -> (String) a.get("text")).toList();

  @Test
  void aStreamThatConnectsAfterAnAnswerWasPublishedGetsItOnceThenEveryNewOne() {
    DirectLineConversation conversation =
        new DirectLineConversation("c1", "token", Optional.empty());
    conversation.publish(activities("hi", "hello, how can I help?"), FRAMES);

    RecordingSocket stream = new RecordingSocket();
    conversation.addStream(stream, 0, FRAMES);
    conversation.publish(activities("book a table", "Which cuisine would you like?"), FRAMES);

    assertEquals(
        List.of(
            "2:[hi, hello, how can I help?]", "4:[book a table, Which cuisine would you like?]"),
        stream.frames);
  }

  @Test
  void aStreamResumingAtAWatermarkGetsOnlyWhatCameAfterIt() {
    DirectLineConversation conversation =
        new DirectLineConversation("c2", "token", Optional.empty());
    conversation.publish(activities("one", "two", "three"), FRAMES);

    RecordingSocket stream = new RecordingSocket();
    conversation.addStream(stream, 2, FRAMES);
    RecordingSocket upToDate = new RecordingSocket();
    conversation.addStream(upToDate, 3, FRAMES);

    assertEquals(List.of("3:[three]"), stream.frames);
    assertEquals(List.of(), upToDate.frames);
  }

  private static List<Map<String, Object>> activities(String... texts) {
    List<Map<String, Object>> activities = new ArrayList<>();
    for (String text : texts) {
      Map<String, Object> activity = new HashMap<>();
      activity.put("text", text);
      activities.add(activity);
    }
    return activities;
  }

  private static final class RecordingSocket implements ChannelSocket {
    private final List<String> frames = new ArrayList<>();

    @Override
    public String id() {
      return "recording";
    }

    @Override
    public void send(String text) {
      frames.add(text);
    }

    @Override
    public void close() {}

    @Override
    public boolean isOpen() {
      return true;
    }
  }
}
