package dev.parley.core.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a JSON request body without naming a Java type, a class or a parser
 * setting: Jackson's own messages name them ({@code `java.lang.String`}, {@code (class
 * dev.parley...)}, {@code StreamReadConstraints}).
 */
final class JsonErrorMessages {

  /** Jackson puts type and setting names in backquotes. */
  private static final Pattern QUOTED = Pattern.compile("`[^`]*`");

  /** "(class x.y.Z)", "(through reference chain: ...)", "[Source: ...]" and what follows. */
  private static final Pattern DETAILS =
      Pattern.compile(
          "\\s*(\\((class|through reference chain)\\b[^)]*\\)|\\[Source:.*$|\\(start marker at.*$)");

  private JsonErrorMessages() {}

  /** A sentence for the caller: the field or the syntax problem, never a type name. */
  static String describe(JsonProcessingException error) {
    if (error instanceof StreamConstraintsException) {
      return "the request body exceeds the JSON parser's limits (nesting depth, length of a"
          + " number, string or name)";
    }
    if (error instanceof UnrecognizedPropertyException unknown) {
      return "the request body has an unknown field '" + unknown.getPropertyName() + "'";
    }
    if (error instanceof MismatchedInputException mismatch) {
      String field = path(mismatch.getPath());
      return field.isEmpty()
          ? "the request body is not the JSON value this call expects"
          : "the request body's field '" + field + "' has the wrong type or value";
    }
    if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return "the request body's field '"
          + path(mapping.getPath())
          + "' is not valid: "
          + clean(error);
    }
    return "the request body is not valid JSON: " + clean(error);
  }

  private static String clean(JsonProcessingException error) {
    String message = error.getOriginalMessage() == null ? "" : error.getOriginalMessage();
    String cleaned = DETAILS.matcher(QUOTED.matcher(message).replaceAll("a value")).replaceAll("");
    return cleaned.isBlank() || cleaned.contains("Exception") ? "not valid JSON" : cleaned.strip();
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
