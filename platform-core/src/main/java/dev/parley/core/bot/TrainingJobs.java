package dev.parley.core.bot;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Imports the console runs in the background so it can show a real progress bar: each job keeps its
 * stage and percent (parsing 5 %, training component i of n 10–90 %, storing 92 %, activating 97 %)
 * and, once finished, the import's answer or error. Jobs are kept in memory on the server that runs
 * them, for an hour after they finish.
 */
@ApplicationScoped
public class TrainingJobs {

  private static final Duration KEEP = Duration.ofHours(1);

  @Resource private ManagedExecutorService executor;

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  /** One background import. */
  public static final class Job implements TrainingProgress {
    private final String id;
    private final String tenant;
    private final String bot;
    private final List<String> stages = new ArrayList<>();
    private volatile String stage = "queued";
    private volatile int percent;
    private volatile String state = "running";
    private volatile Map<String, Object> result;
    private volatile Instant finishedAt;

    Job(String id, String tenant, String bot) {
      this.id = id;
      this.tenant = tenant;
      this.bot = bot;
    }

    @Override
    public void report(String stage, int step, int steps) {
      this.stage = steps > 0 ? stage + " (" + (step + 1) + "/" + steps + ")" : stage;
      this.percent =
          switch (stage) {
            case "parsing" -> 5;
            case "storing" -> 92;
            case "activating" -> 97;
            default -> steps > 0 ? 10 + 80 * step / steps : percent;
          };
      synchronized (stages) {
        stages.add(this.stage);
      }
    }

    void finish(String state, Map<String, Object> result) {
      this.result = result;
      this.percent = state.equals("done") ? 100 : percent;
      this.stage = state;
      this.finishedAt = Instant.now();
      this.state = state;
    }

    /** Whether the job imports this bot. */
    public boolean of(String tenant, String bot) {
      return this.tenant.equals(tenant) && this.bot.equals(bot);
    }

    /** The job as JSON: id, state (running, done, failed), stage, percent, stages, result. */
    public Map<String, Object> describe() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("job", id);
      out.put("tenant", tenant);
      out.put("bot", bot);
      out.put("state", state);
      out.put("stage", stage);
      out.put("percent", percent);
      synchronized (stages) {
        out.put("stages", List.copyOf(stages));
      }
      if (result != null) {
        out.put("result", result);
      }
      return out;
    }
  }

  /**
   * Starts an import in the background.
   *
   * @param work runs the import with the job as its progress; returns the import's answer
   * @param failure turns a failure into its JSON error body
   */
  public Job start(
      String tenant,
      String bot,
      Function<TrainingProgress, Map<String, Object>> work,
      Function<RuntimeException, Map<String, Object>> failure) {
    Instant now = Instant.now();
    jobs.values()
        .removeIf(job -> job.finishedAt != null && job.finishedAt.plus(KEEP).isBefore(now));
    Job job = new Job(UUID.randomUUID().toString(), tenant, bot);
    jobs.put(job.id, job);
    executor.execute(
        () -> {
          try {
            job.finish("done", work.apply(job));
          } catch (RuntimeException e) {
            job.finish("failed", failure.apply(e));
          }
        });
    return job;
  }

  /** A job, if this server runs or ran it. */
  public Optional<Job> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }
}
