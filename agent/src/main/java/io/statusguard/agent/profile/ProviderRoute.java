package io.statusguard.agent.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One operation of an API: a method and a path template whose {@code {Name}} segments match any one
 * segment, optionally followed by the query parameters a request must carry
 * ({@code /v1/clients/{ClientID}/accounts?referenceID={ReferenceID}}). It may name the variable that
 * identifies the request's resource and the one that holds the provider's client id, and list the
 * query flags that select a variant of the operation. Immutable; every factory validates and throws
 * {@link IllegalArgumentException} with a message fit for the profile's author.
 */
public final class ProviderRoute {
  static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
      "OPTIONS");

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
  private static final Pattern OPERATION = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
  private static final Pattern QUERY_NAME = Pattern.compile("[A-Za-z0-9._~-]{1,64}");
  private static final Pattern LITERAL_SEGMENT = Pattern.compile("[^\\s{}?#%/]{1,64}");

  private final String method;
  private final String template;
  private final String operation;
  private final List<String> segments;
  private final List<String> requiredQueryNames;
  private final Map<String, RouteVariable> variables;
  private final List<String> flags;
  private final RouteVariable resource;
  private final RouteVariable client;

  private ProviderRoute(String method, String template, String operation, List<String> segments,
      List<String> requiredQueryNames, Map<String, RouteVariable> variables, List<String> flags,
      RouteVariable resource, RouteVariable client) {
    this.method = method;
    this.template = template;
    this.operation = operation;
    this.segments = segments;
    this.requiredQueryNames = requiredQueryNames;
    this.variables = variables;
    this.flags = flags;
    this.resource = resource;
    this.client = client;
  }

  /**
   * The route {@code method path} naming {@code operation}; {@code path} may end in a query part of
   * required parameters, {@code ?name} or {@code ?name={Name}}, joined by {@code &}.
   */
  public static ProviderRoute of(String method, String path, String operation) {
    checkMethod(method);
    checkOperation(operation);
    Objects.requireNonNull(path, "path");
    int question = path.indexOf('?');
    String template = question < 0 ? path : path.substring(0, question);
    Map<String, RouteVariable> variables = new LinkedHashMap<>();
    List<String> segments = segments(template, variables);
    List<String> required = question < 0 ? List.of()
        : requiredQuery(path.substring(question + 1), variables);
    return new ProviderRoute(method, template, operation, segments, required,
        Collections.unmodifiableMap(variables), List.of(), null, null);
  }

  static void checkMethod(String method) {
    if (!METHODS.contains(Objects.requireNonNull(method, "method"))) {
      throw new IllegalArgumentException("method '" + method + "' is not one of "
          + String.join(", ", new TreeSet<>(METHODS)));
    }
  }

  static void checkOperation(String operation) {
    if (!OPERATION.matcher(Objects.requireNonNull(operation, "operation")).matches()) {
      throw new IllegalArgumentException("operation '" + operation + "' must be a letter and up to"
          + " 63 letters, digits, '_', '.' or '-'");
    }
  }

  /** This route, documenting the value-less query flags that select a variant of its operation. */
  public ProviderRoute withFlags(List<String> names) {
    List<String> checked = new ArrayList<>();
    for (String flag : names) {
      if (!QUERY_NAME.matcher(Objects.requireNonNull(flag, "flag")).matches()) {
        throw new IllegalArgumentException("flag '" + flag + "' must be 1 to 64 of"
            + " [A-Za-z0-9._~-]");
      }
      if (containsIgnoreCase(checked, flag) || containsIgnoreCase(requiredQueryNames, flag)) {
        throw new IllegalArgumentException("flag '" + flag + "' is listed twice");
      }
      checked.add(flag);
    }
    return new ProviderRoute(method, template, operation, segments, requiredQueryNames, variables,
        List.copyOf(checked), resource, client);
  }

  /** This route, whose {@code {variable}} identifies the resource a request is about. */
  public ProviderRoute withResource(String variable) {
    return new ProviderRoute(method, template, operation, segments, requiredQueryNames, variables,
        flags, variable(variable), client);
  }

  /** This route, whose {@code {variable}} holds the provider's client id. */
  public ProviderRoute withClient(String variable) {
    return new ProviderRoute(method, template, operation, segments, requiredQueryNames, variables,
        flags, resource, variable(variable));
  }

  public String method() {
    return method;
  }

  /** The path template without its query part: the endpoint template of the requests it matches. */
  public String template() {
    return template;
  }

  public String operation() {
    return operation;
  }

  /** The query parameters a request must carry to match (any case), in the order written. */
  public List<String> requiredQueryNames() {
    return requiredQueryNames;
  }

  /** The query flags that select a variant of the operation; they take no part in matching. */
  public List<String> flags() {
    return flags;
  }

  /** The variable that identifies the request's resource, or null. */
  public RouteVariable resource() {
    return resource;
  }

  /** The variable that holds the provider's client id, or null. */
  public RouteVariable client() {
    return client;
  }

  /**
   * Whether a request matches: same method, as many decoded path segments, equal fixed segments, a
   * non-empty segment for each placeholder, and every required query name among {@code queryNames}.
   */
  public boolean matches(String requestMethod, List<String> pathSegments, List<String> queryNames) {
    if (!method.equals(requestMethod) || segments.size() != pathSegments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      String expected = segments.get(i);
      String actual = pathSegments.get(i);
      if (isPlaceholder(expected) ? actual.isEmpty() : !expected.equals(actual)) {
        return false;
      }
    }
    for (String name : requiredQueryNames) {
      if (!containsIgnoreCase(queryNames, name)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether this route, tried first, matches every request that {@code later} matches, so that
   * {@code later} could never name a request.
   */
  boolean shadows(ProviderRoute later) {
    if (!method.equals(later.method) || segments.size() != later.segments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      String mine = segments.get(i);
      if (!isPlaceholder(mine) && !mine.equals(later.segments.get(i))) {
        return false;
      }
    }
    for (String name : requiredQueryNames) {
      if (!containsIgnoreCase(later.requiredQueryNames, name)) {
        return false;
      }
    }
    return true;
  }

  private RouteVariable variable(String name) {
    RouteVariable variable = variables.get(Objects.requireNonNull(name, "variable"));
    if (variable == null) {
      throw new IllegalArgumentException("'" + name + "' is not a placeholder of this route"
          + (variables.isEmpty() ? ", which has none" : "; it has {"
          + String.join("}, {", variables.keySet()) + "}"));
    }
    return variable;
  }

  private static List<String> segments(String template, Map<String, RouteVariable> variables) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("path '" + template + "' must start with '/'");
    }
    if (template.equals("/")) {
      return List.of();
    }
    List<String> segments = new ArrayList<>();
    for (String segment : template.substring(1).split("/", -1)) {
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("path '" + template + "' has an empty segment");
      }
      if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
        addVariable(variables, placeholderName(segment, template),
            RouteVariable.inSegment(placeholderName(segment, template), segments.size()));
      } else if (!LITERAL_SEGMENT.matcher(segment).matches()) {
        throw new IllegalArgumentException("path segment '" + segment + "' must be 1 to 64"
            + " characters, without spaces, '%', '?' or '#' (write it decoded)");
      }
      segments.add(segment);
    }
    return Collections.unmodifiableList(segments);
  }

  private static List<String> requiredQuery(String query, Map<String, RouteVariable> variables) {
    List<String> names = new ArrayList<>();
    for (String parameter : query.split("&", -1)) {
      int equals = parameter.indexOf('=');
      String name = equals < 0 ? parameter : parameter.substring(0, equals);
      if (!QUERY_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("query parameter '" + parameter + "' must be a name of 1"
            + " to 64 [A-Za-z0-9._~-], optionally with ={Name}");
      }
      if (containsIgnoreCase(names, name)) {
        throw new IllegalArgumentException("query parameter '" + name + "' is listed twice");
      }
      if (equals >= 0) {
        String value = parameter.substring(equals + 1);
        String variable = placeholderName(value, parameter);
        addVariable(variables, variable, RouteVariable.inQuery(variable, name));
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  /** The name of a {@code {Name}} placeholder that makes up all of {@code text}. */
  private static String placeholderName(String text, String context) {
    if (text.length() < 2 || !isPlaceholder(text)
        || !NAME.matcher(text.substring(1, text.length() - 1)).matches()) {
      throw new IllegalArgumentException("bad placeholder '" + text + "' in '" + context
          + "': a placeholder is a whole segment or value, {Name}, with Name a letter and up to 63"
          + " letters, digits or '_'");
    }
    return text.substring(1, text.length() - 1);
  }

  private static void addVariable(Map<String, RouteVariable> variables, String name,
      RouteVariable variable) {
    if (variables.putIfAbsent(name, variable) != null) {
      throw new IllegalArgumentException("placeholder {" + name + "} appears twice");
    }
  }

  private static boolean isPlaceholder(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  private static boolean containsIgnoreCase(List<String> names, String wanted) {
    for (String name : names) {
      if (name.equalsIgnoreCase(wanted)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(method).append(' ').append(template);
    if (!requiredQueryNames.isEmpty()) {
      text.append('?').append(String.join("&", requiredQueryNames));
    }
    return text.append(" -> ").append(operation).toString();
  }
}
