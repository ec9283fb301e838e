package dev.parley.core.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.parley.core.bot.ModelArchive;
import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.json.Json;
import dev.parley.core.nlu.eval.LabelledData;
import dev.parley.core.rest.dto.JobFailureDto;
import dev.parley.plugin.bot.NluExample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The bodies of a bot import, checked, and a background import's answer as a job result. */
final class ImportChecks {

  private static final int MAX_BODY_BYTES = 20 << 20;
  private static final Logger LOG = Logger.getLogger(BotImportResource.class.getName());

  private ImportChecks() {}

  /** A project zip: not empty, at most 20 MiB. */
  static byte[] zip(byte[] zip) {
    if (zip == null || zip.length == 0) {
      throw ApiError.badRequest("empty_body", "send the bot project as a zip file");
    }
    if (zip.length > MAX_BODY_BYTES) {
      throw new ApiError(413, "body_too_large", "bot zip exceeds 20 MiB", List.of());
    }
    return zip;
  }

  /**
   * Whether a trained model must load as it is: {@code trained=require}; {@code load} or nothing
   * lets the server train the project when it cannot.
   */
  static boolean requireLoaded(String trained) {
    if (trained == null || trained.isBlank() || trained.equals("load")) {
      return false;
    }
    if (trained.equals("require")) {
      return true;
    }
    throw ApiError.badRequest("invalid_trained", "trained is load (the default) or require");
  }

  /**
   * The body as a trained model of the command line, or empty for a project zip (or a body that is
   * no zip at all, which the project import refuses).
   *
   * @throws ApiError 400 {@code invalid_zip} when the zip is truncated or damaged
   */
  static Optional<ModelArchive> modelArchive(byte[] zip) {
    if (!ModelArchive.looksLikeZip(zip)) {
      return Optional.empty();
    }
    try {
      return ModelArchive.read(zip);
    } catch (ModelArchive.InvalidModelArchive damaged) {
      throw ApiError.badRequest("invalid_zip", damaged.getMessage());
    }
  }

  /** A language code such as {@code en} or {@code zh}. */
  static void language(String language) {
    if (!language.matches("[a-z]{2,3}([-_][A-Za-z]{2,4})?")) {
      throw ApiError.badRequest("invalid_language", "language must be a code such as en or zh");
    }
  }

  /** The labelled examples of a JSONL data set: not empty, at most 20 MiB, well-formed. */
  static List<NluExample> examples(String jsonl) {
    if (jsonl == null || jsonl.isBlank()) {
      throw ApiError.badRequest("empty_body", "send the data set as JSONL lines");
    }
    if (jsonl.length() > MAX_BODY_BYTES) {
      throw new ApiError(413, "body_too_large", "data set exceeds 20 MiB", List.of());
    }
    try {
      return LabelledData.jsonl(jsonl);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_data_set", "JSONL data set: " + e.getMessage());
    }
  }

  /** A failed background import's answer: the status and error body the call would have had. */
  static Map<String, Object> failure(RuntimeException error) {
    if (error instanceof BotDefinitionException definition) {
      return asMap(
          new JobFailureDto(
              422,
              "invalid_bot",
              definition.errors().size() + " problem(s) in the bot definition",
              definition.errors()));
    }
    if (error instanceof ApiError api) {
      return asMap(new JobFailureDto(api.status(), api.code(), api.getMessage(), api.details()));
    }
    LOG.log(Level.WARNING, "background import failed", error);
    return asMap(
        new JobFailureDto(
            500, "training_failed", "training failed; the server log has the cause", null));
  }

  /** A body as the JSON object a training job keeps as its result. */
  static Map<String, Object> asMap(Object body) {
    return Json.mapper().convertValue(body, new TypeReference<Map<String, Object>>() {});
  }
}
