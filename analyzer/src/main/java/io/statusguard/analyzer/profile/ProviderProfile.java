package io.statusguard.analyzer.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.statusguard.analyzer.domain.status.ErrorModel;
import io.statusguard.analyzer.domain.status.StatusClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A provider profile: its name and the error model it defines. {@link #builtIn()} is the built-in profile,
 * {@value #BUILT_IN_RESOURCE}, the one document the agent reads too (module {@code provider-profile});
 * {@link #load(Path)} reads a user's replacement. The agent's sections, {@code hosts} and {@code routes},
 * are skipped: the agent checks them. Immutable.
 */
public record ProviderProfile(String name, ErrorModel errorModel) {
  public static final String BUILT_IN_RESOURCE = "/io/statusguard/profile/default-provider-profile.yaml";
  /** Profiles are small documents; a bigger file is a mistake, not a profile. */
  static final long MAX_BYTES = 1024 * 1024;

  private static final String UNNAMED = "unnamed";
  private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']*)'");
  private static final Pattern QUALIFIED_TYPE = Pattern.compile("`(?:[\\w.]+[.$])?(\\w+)`");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .registerModule(new SimpleModule("statusguard-profile").addDeserializer(StatusClass.class, new ClassNames()));

  public ProviderProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(errorModel, "errorModel");
  }

  /** The profile shipped with the analyzer. */
  public static ProviderProfile builtIn() {
    try (InputStream in = ProviderProfile.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(BUILT_IN_RESOURCE + " is missing from the class path"
            + " (it comes with statusguard-provider-profile)");
      }
      return read(in.readAllBytes(), "built-in " + BUILT_IN_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a profile from {@code file}.
   *
   * @throws InvalidProfileException when the file cannot be read or is not a valid profile
   */
  public static ProviderProfile load(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidProfileException(
            "provider profile " + file + " is larger than " + MAX_BYTES + " bytes", -1, null);
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidProfileException("cannot read provider profile " + file + ": " + e, -1, e);
    }
    return read(bytes, file.toString());
  }

  /**
   * Reads a profile from YAML text; {@code source} names it in error messages.
   *
   * @throws InvalidProfileException when the text is not a valid profile
   */
  public static ProviderProfile read(byte[] yaml, String source) {
    ProfileDocument document;
    try {
      document = YAML.readValue(yaml, ProfileDocument.class);
    } catch (JsonProcessingException e) {
      throw invalid(yaml, source, e);
    } catch (IOException e) {
      throw new InvalidProfileException("cannot read provider profile " + source + ": " + e, -1, e);
    }
    if (document == null) {
      throw new InvalidProfileException("provider profile " + source + " is empty", -1, null);
    }
    try {
      return new ProviderProfile(document.name() == null ? UNNAMED : document.name(),
          document.errorModel().toErrorModel());
    } catch (IllegalArgumentException e) {
      throw new InvalidProfileException("invalid provider profile " + source + ": " + e.getMessage(), -1, e);
    }
  }

  private static InvalidProfileException invalid(byte[] yaml, String source, JsonProcessingException e) {
    List<String> path = e instanceof JsonMappingException mapping ? path(mapping) : List.of();
    int line = -1;
    // Binding problems are reported where Jackson was when it noticed them, often the object's end;
    // syntax problems, such as a duplicate key, where they are.
    if (!path.isEmpty() && (e instanceof MismatchedInputException || e instanceof ValueInstantiationException)) {
      List<String> located = new ArrayList<>(path);
      if (e instanceof InvalidFormatException format && format.getTargetType() == Integer.class) {
        // A status key that is no number: Jackson's path ends at the map that holds it.
        located.add(String.valueOf(format.getValue()));
      }
      line = YamlLocator.lineOf(YAML.getFactory(), yaml, located);
    }
    if (line < 0 && e.getLocation() != null) {
      line = e.getLocation().getLineNr();
    }
    StringBuilder message = new StringBuilder("invalid provider profile ").append(source);
    if (line > 0) {
      message.append(", line ").append(line);
    }
    if (!path.isEmpty()) {
      message.append(" (").append(String.join(".", path)).append(')');
    }
    message.append(": ").append(reason(e));
    return new InvalidProfileException(message.toString(), line, e);
  }

  private static List<String> path(JsonMappingException e) {
    return e.getPath().stream()
        .map(reference -> reference.getFieldName() != null
            ? reference.getFieldName()
            : Integer.toString(reference.getIndex()))
        .toList();
  }

  private static String reason(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown key '" + unknown.getPropertyName() + "'; known keys: " + unknown.getKnownPropertyIds().stream()
          .map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }
    if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException invalid) {
      return invalid.getMessage();
    }
    if (e instanceof InvalidFormatException format && format.getTargetType() == Integer.class) {
      return "'" + format.getValue() + "' is not a status code (a number from 0 to " + ErrorModel.MAX_STATUS + ")";
    }
    String original = String.valueOf(e.getOriginalMessage());
    Matcher missing = MISSING.matcher(original);
    if (missing.lookingAt()) {
      return "missing key '" + missing.group(1) + "'";
    }
    if (original.startsWith("No content to map")) {
      return "the profile is empty";
    }
    // SnakeYAML's messages span lines with a source excerpt; the first line says what is wrong.
    int newline = original.indexOf('\n');
    String first = newline < 0 ? original : original.substring(0, newline);
    return QUALIFIED_TYPE.matcher(first).replaceAll("`$1`");
  }

  /** Reads a class by its wire name, failing at the value's own line for a name the analyzer does not know. */
  private static final class ClassNames extends StdScalarDeserializer<StatusClass> {
    private static final String KNOWN = Arrays.stream(StatusClass.values())
        .map(StatusClass::wireName).collect(Collectors.joining(", "));

    ClassNames() {
      super(StatusClass.class);
    }

    @Override
    public StatusClass deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = parser.getValueAsString();
      if (text == null) {
        return (StatusClass) context.handleUnexpectedToken(StatusClass.class, parser);
      }
      return StatusClass.fromWireName(text).orElseThrow(() -> InvalidFormatException.from(parser,
          "unknown class '" + text + "'; known classes: " + KNOWN, text, StatusClass.class));
    }
  }
}
