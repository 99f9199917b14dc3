package io.aviary.bot.mqtt;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Debian's {@code mosquitto} binary as a child process ({@code mosquitto -p <port>}, local only, anonymous). */
public final class MosquittoTestBroker implements TestBroker {

  private final Path binary;
  private final Path logFile;
  private final int port;
  private Process process;

  public MosquittoTestBroker(Path binary, Path logFile, int port) {
    this.binary = binary;
    this.logFile = logFile;
    this.port = port;
  }

  /** The mosquitto binary on PATH or in /usr/sbin (Debian installs it there), or null. */
  public static Path findBinary() {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
    return Stream.of(path.split(File.pathSeparator))
        .map(dir -> Path.of(dir, "mosquitto"))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void start() throws Exception {
    process = new ProcessBuilder(binary.toString(), "-p", Integer.toString(port))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ", see " + logFile);
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (java.io.IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("mosquitto did not listen on " + port + " within 10 s");
  }

  @Override
  public void stop() throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      process = null;
    }
  }
}
