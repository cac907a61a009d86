package io.statusguard.agent.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a provider profile from YAML and checks it whole, so that a profile either loads or is
 * reported with the line and column of its first mistake. It reads SnakeYAML's node tree (compose),
 * never binds to objects: no type a document names is ever instantiated. The agent reads the keys
 * {@code name}, {@code hosts} and {@code routes}; {@code errorModel} belongs to the analyzer and is
 * only checked to be a mapping. Any other key is a mistake. Stateless and thread-safe.
 */
public final class ProfileReader {
  /** Prefix of a profile location that names a resource on the application's class path. */
  public static final String CLASSPATH_PREFIX = "classpath:";
  /** Profiles are small documents; a bigger file is a mistake, not a profile. */
  static final int MAX_BYTES = 1024 * 1024;
  static final int MAX_HOSTS = 256;
  static final int MAX_ROUTES = 1024;
  static final int MAX_NAME_LENGTH = 128;
  static final int MAX_FLAGS = 32;

  private static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "hosts", "routes", "errorModel");
  private static final Set<String> ROUTE_KEYS = Set.of("operation", "method", "path", "flags",
      "resource", "client");
  private static final int MAX_NESTING = 32;

  private ProfileReader() {}

  /**
   * Reads the profile at {@code location}: a file path, or {@value #CLASSPATH_PREFIX} and a resource
   * name, looked up by the system class loader (the application's class path).
   */
  public static ProviderProfile load(String location) throws InvalidProfileException {
    if (location.startsWith(CLASSPATH_PREFIX)) {
      String resource = location.substring(CLASSPATH_PREFIX.length());
      return readResource(resource.startsWith("/") ? resource.substring(1) : resource, location,
          ClassLoader.getSystemClassLoader());
    }
    Path file;
    try {
      file = Paths.get(location);
    } catch (InvalidPathException e) {
      throw new InvalidProfileException(location, 0, 0, "not a valid path");
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidProfileException(location, 0, 0, "larger than " + MAX_BYTES + " bytes");
      }
      return read(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), location);
    } catch (IOException e) {
      throw new InvalidProfileException(location, 0, 0, "cannot be read (" + e + ")");
    }
  }

  /**
   * The profiles to try in order: the built-in one alone when {@code location} is null, else the one
   * at {@code location}, combined with the built-in one as {@code mode} says.
   */
  public static List<ProviderProfile> configured(String location, ProfileMode mode)
      throws InvalidProfileException {
    return location == null ? List.of(ProviderProfile.builtIn()) : mode.profiles(load(location));
  }

  /** Reads the profile in resource {@code name} of {@code loader}; {@code source} names it in errors. */
  static ProviderProfile readResource(String name, String source, ClassLoader loader)
      throws InvalidProfileException {
    try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(name)
        : loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new InvalidProfileException(source, 0, 0, "no such resource on the class path");
      }
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new InvalidProfileException(source, 0, 0, "larger than " + MAX_BYTES + " bytes");
      }
      return read(new String(bytes, StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw new InvalidProfileException(source, 0, 0, "cannot be read (" + e + ")");
    }
  }

  /** Reads a profile from YAML text; {@code source} names it in error messages. */
  public static ProviderProfile read(String yaml, String source) throws InvalidProfileException {
    Node root;
    try {
      root = compose(yaml);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new InvalidProfileException(source, mark == null ? 0 : mark.getLine() + 1,
          mark == null ? 0 : mark.getColumn() + 1, "not valid YAML: " + firstLine(
          e.getProblem() != null ? e.getProblem() : e.getMessage()));
    } catch (YAMLException e) {
      throw new InvalidProfileException(source, 0, 0, "not valid YAML: " + firstLine(
          e.getMessage()));
    }
    if (root == null) {
      throw new InvalidProfileException(source, 0, 0, "the profile is empty");
    }
    return new Document(source).profile(root);
  }

  private static Node compose(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_BYTES);
    options.setNestingDepthLimit(MAX_NESTING);
    // An alias of a list or mapping can multiply a small document (billion laughs); profiles need none.
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    return new Composer(new ParserImpl(new StreamReader(yaml), options), new Resolver(), options)
        .getSingleNode();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).trim();
  }

  /** One document being checked; knows its source so that each mistake can be reported whole. */
  private static final class Document {
    private final String source;

    Document(String source) {
      this.source = source;
    }

    ProviderProfile profile(Node root) throws InvalidProfileException {
      Map<String, NodeTuple> keys = mapping(root, "the profile", TOP_LEVEL_KEYS);
      String name = keys.containsKey("name") ? text(keys.get("name"), "name") : "unnamed";
      if (name.length() > MAX_NAME_LENGTH) {
        throw invalid(keys.get("name").getValueNode(), "name must be at most " + MAX_NAME_LENGTH
            + " characters");
      }
      List<HostPattern> hosts = hosts(required(keys, "hosts", root, "the profile"));
      List<ProviderRoute> routes = routes(required(keys, "routes", root, "the profile"));
      if (keys.containsKey("errorModel")
          && !(keys.get("errorModel").getValueNode() instanceof MappingNode)) {
        throw invalid(keys.get("errorModel").getValueNode(), "errorModel must be a mapping");
      }
      return ProviderProfile.of(name, hosts, routes);
    }

    private List<HostPattern> hosts(NodeTuple entry) throws InvalidProfileException {
      List<Node> items = sequence(entry, "hosts", MAX_HOSTS);
      if (items.isEmpty()) {
        throw invalid(entry.getValueNode(), "hosts is empty; \"*\" stands for every host");
      }
      List<HostPattern> hosts = new ArrayList<>();
      for (Node item : items) {
        String glob = scalar(item, "a host");
        try {
          hosts.add(HostPattern.of(glob));
        } catch (IllegalArgumentException e) {
          throw invalid(item, e.getMessage());
        }
      }
      return hosts;
    }

    private List<ProviderRoute> routes(NodeTuple entry) throws InvalidProfileException {
      List<ProviderRoute> routes = new ArrayList<>();
      List<Node> starts = new ArrayList<>();
      for (Node item : sequence(entry, "routes", MAX_ROUTES)) {
        String what = "route " + (routes.size() + 1);
        ProviderRoute route = route(item, what);
        for (int i = 0; i < routes.size(); i++) {
          if (routes.get(i).shadows(route)) {
            throw invalid(item, what + " (" + route + ") is never used: route " + (i + 1) + " at"
                + " line " + line(starts.get(i)) + " (" + routes.get(i) + ") matches every request"
                + " it would");
          }
        }
        routes.add(route);
        starts.add(item);
      }
      return routes;
    }

    private ProviderRoute route(Node node, String what) throws InvalidProfileException {
      Map<String, NodeTuple> keys = mapping(node, what, ROUTE_KEYS);
      String operation = text(required(keys, "operation", node, what), "operation");
      String method = text(required(keys, "method", node, what), "method");
      NodeTuple path = required(keys, "path", node, what);
      check(keys.get("method"), what, () -> ProviderRoute.checkMethod(method));
      check(keys.get("operation"), what, () -> ProviderRoute.checkOperation(operation));
      ProviderRoute route;
      try {
        route = ProviderRoute.of(method, text(path, "path"), operation);
      } catch (IllegalArgumentException e) {
        throw invalid(path.getValueNode(), what + ": " + e.getMessage());
      }
      if (keys.containsKey("flags")) {
        List<String> flags = new ArrayList<>();
        for (Node flag : sequence(keys.get("flags"), "flags", MAX_FLAGS)) {
          flags.add(scalar(flag, "a flag"));
        }
        route = with(route, keys.get("flags"), what, r -> r.withFlags(flags));
      }
      if (keys.containsKey("resource")) {
        String resource = text(keys.get("resource"), "resource");
        route = with(route, keys.get("resource"), what, r -> r.withResource(resource));
      }
      if (keys.containsKey("client")) {
        String client = text(keys.get("client"), "client");
        route = with(route, keys.get("client"), what, r -> r.withClient(client));
      }
      return route;
    }

    private void check(NodeTuple entry, String what, Runnable check)
        throws InvalidProfileException {
      try {
        check.run();
      } catch (IllegalArgumentException e) {
        throw invalid(entry.getValueNode(), what + ": " + e.getMessage());
      }
    }

    private ProviderRoute with(ProviderRoute route, NodeTuple entry, String what,
        UnaryOperator<ProviderRoute> change) throws InvalidProfileException {
      try {
        return change.apply(route);
      } catch (IllegalArgumentException e) {
        throw invalid(entry.getValueNode(), what + " " + key(entry) + ": " + e.getMessage());
      }
    }

    /** The entries of mapping {@code node} by key, every key known, none twice. */
    private Map<String, NodeTuple> mapping(Node node, String what, Set<String> known)
        throws InvalidProfileException {
      if (!(node instanceof MappingNode)) {
        throw invalid(node, what + " must be a mapping with the keys "
            + String.join(", ", new TreeSet<>(known)));
      }
      Map<String, NodeTuple> entries = new HashMap<>();
      for (NodeTuple entry : ((MappingNode) node).getValue()) {
        Node keyNode = entry.getKeyNode();
        String key = keyNode instanceof ScalarNode ? ((ScalarNode) keyNode).getValue() : null;
        if (key == null || !known.contains(key)) {
          throw invalid(keyNode, "unknown key " + (key == null ? "" : "'" + key + "' ") + "in "
              + what + "; known keys: " + String.join(", ", new TreeSet<>(known)));
        }
        NodeTuple first = entries.putIfAbsent(key, entry);
        if (first != null) {
          throw invalid(keyNode, "duplicate key '" + key + "' in " + what + " (first at line "
              + line(first.getKeyNode()) + ")");
        }
      }
      return entries;
    }

    private NodeTuple required(Map<String, NodeTuple> keys, String key, Node owner, String what)
        throws InvalidProfileException {
      NodeTuple entry = keys.get(key);
      if (entry == null || isNull(entry.getValueNode())) {
        throw invalid(entry == null ? owner : entry.getKeyNode(), what + " has no " + key);
      }
      return entry;
    }

    private List<Node> sequence(NodeTuple entry, String what, int max)
        throws InvalidProfileException {
      Node node = entry.getValueNode();
      if (!(node instanceof SequenceNode)) {
        throw invalid(node, what + " must be a list");
      }
      List<Node> items = ((SequenceNode) node).getValue();
      if (items.size() > max) {
        throw invalid(node, what + " has " + items.size() + " entries; at most " + max);
      }
      return items;
    }

    private String text(NodeTuple entry, String what) throws InvalidProfileException {
      return scalar(entry.getValueNode(), what);
    }

    private String scalar(Node node, String what) throws InvalidProfileException {
      if (!(node instanceof ScalarNode) || isNull(node)) {
        throw invalid(node, what + " must be a text");
      }
      String value = ((ScalarNode) node).getValue().trim();
      if (value.isEmpty()) {
        throw invalid(node, what + " is empty");
      }
      return value;
    }

    private static boolean isNull(Node node) {
      return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String key(NodeTuple entry) {
      return ((ScalarNode) entry.getKeyNode()).getValue();
    }

    private static int line(Node node) {
      return node.getStartMark().getLine() + 1;
    }

    private InvalidProfileException invalid(Node node, String problem) {
      Mark mark = node.getStartMark();
      return new InvalidProfileException(source, mark.getLine() + 1, mark.getColumn() + 1, problem);
    }
  }
}
