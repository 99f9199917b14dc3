package io.aviary.bot.app;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.hummingbot.ConnectorCredentialFiles;
import io.aviary.connectors.hummingbot.HummingbotFileException;
import io.aviary.connectors.hummingbot.HummingbotSecrets;
import io.aviary.connectors.registry.ConnectorRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar bot-exec.jar connect <instance folder> <connector>}: Hummingbot's {@code connect} for a folder made
 * by hand. Reads {@code field=value} lines from stdin (never the command line, which other users can see in the
 * process list), encrypts the secret fields under {@code CONFIG_PASSWORD} and writes
 * {@code conf/connectors/<connector>.yml} and, if missing, {@code conf/.password_verification}.
 */
final class ConnectCommand {
  static final int EXIT_USAGE = 64;

  private ConnectCommand() {}

  static int run(String[] args, Map<String, String> env, BufferedReader stdin, PrintStream out,
      ConnectorRegistry registry) throws IOException {
    if (args.length != 3) {
      out.println("usage: connect <instance folder> <connector>   (field=value lines on stdin, CONFIG_PASSWORD set)");
      return EXIT_USAGE;
    }
    String password = env.get("CONFIG_PASSWORD");
    if (password == null || password.isEmpty()) {
      out.println("CONFIG_PASSWORD is not set: the credentials are encrypted under it");
      return EXIT_USAGE;
    }
    ConnectorSpec spec = registry.spec(args[2]).orElse(null);
    if (spec == null) {
      out.println("unknown connector " + bounded(args[2]));
      return EXIT_USAGE;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String line = stdin.readLine(); line != null; line = stdin.readLine()) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    Path conf = Files.createDirectories(Path.of(args[1]).resolve("conf"));
    HummingbotSecrets secrets = new HummingbotSecrets(password);
    try {
      if (!Files.exists(conf.resolve(HummingbotSecrets.PASSWORD_VERIFICATION_FILE))) {
        secrets.writePasswordVerification(conf);
      }
      Path written = ConnectorCredentialFiles.write(conf, spec, values, secrets);
      out.println("wrote " + written + " (fields " + spec.configFields() + ", secrets encrypted)");
      return 0;
    } catch (HummingbotFileException | IllegalArgumentException e) {
      out.println("not written: " + e.getMessage());
      return EXIT_USAGE;
    }
  }

  private static String bounded(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
