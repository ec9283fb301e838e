package dev.parley.plugins.channel.directline;

import dev.parley.plugin.channel.ChannelSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One Direct Line conversation: its token, the key it was started with, its activities (the
 * watermark is their count) and the open streams.
 */
final class DirectLineConversation {

  static final int MAX_ACTIVITIES = 1000;

  private final String id;
  private final String token;
  private final Optional<String> authorization;
  private final List<Map<String, Object>> activities = new ArrayList<>();
  private final List<ChannelSocket> streams = new CopyOnWriteArrayList<>();
  private int dropped;
  private volatile long lastUsedMillis = System.currentTimeMillis();

  DirectLineConversation(String id, String token, Optional<String> authorization) {
    this.id = id;
    this.token = token;
    this.authorization = authorization;
  }

  String id() {
    return id;
  }

  String token() {
    return token;
  }

  /** The caller's credentials when the conversation started, used for its turns. */
  Optional<String> authorization() {
    return authorization;
  }

  long lastUsedMillis() {
    return lastUsedMillis;
  }

  /** Adds activities, giving each its id; returns the new watermark. */
  private synchronized int append(List<Map<String, Object>> added) {
    lastUsedMillis = System.currentTimeMillis();
    for (Map<String, Object> activity : added) {
      activity.put("id", id + "|" + String.format("%07d", dropped + activities.size()));
      activities.add(activity);
    }
    while (activities.size() > MAX_ACTIVITIES) {
      activities.remove(0);
      dropped++;
    }
    return watermark();
  }

  synchronized int watermark() {
    return dropped + activities.size();
  }

  /** The activities after a watermark. */
  synchronized List<Map<String, Object>> after(int watermark) {
    int from = Math.max(0, watermark - dropped);
    return from >= activities.size()
        ? List.of()
        : List.copyOf(activities.subList(from, activities.size()));
  }

  /**
   * Adds activities and sends them to every open stream in one step, so that a stream opening at
   * the same moment gets each activity once: in its backlog or here.
   */
  synchronized void publish(List<Map<String, Object>> added, StreamFrames frames) {
    append(added);
    if (!streams.isEmpty()) {
      String frame = frames.frame(added, watermark());
      streams.forEach(socket -> socket.send(frame));
    }
  }

  /**
   * Opens a stream: it first gets the activities after {@code watermark} (those published before it
   * connected, e.g. the answer to a message posted while it was connecting), then every new one.
   */
  synchronized void addStream(ChannelSocket socket, int watermark, StreamFrames frames) {
    streams.add(socket);
    List<Map<String, Object>> backlog = after(watermark);
    if (!backlog.isEmpty()) {
      socket.send(frames.frame(backlog, watermark()));
    }
  }

  /** Writes the stream frame that carries activities and the watermark after them. */
  interface StreamFrames {
    String frame(List<Map<String, Object>> activities, int watermark);
  }

  void removeStream(ChannelSocket socket) {
    streams.remove(socket);
  }
}
