package fr.recouvrement;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application instance as a separate process (a child JVM running {@link DrillNode} on the test
 * classpath), so that a drill can kill it for real: {@link #kill()} is {@code kill -9} (SIGKILL: no
 * shutdown hook, no rollback sent to the database, its sockets simply close). Its output goes to
 * {@code <dir>/<name>.log}.
 */
public final class ChildNode {
  final String name;
  final int port;
  final Process process;
  final Path log;

  private ChildNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the node and waits until its health endpoint answers. {@code clockFile} is the shared
   * clock of the drill (see {@link DrillNode}); {@code args} are the application's settings.
   */
  public static ChildNode start(String name, Path dir, Path clockFile, List<String> args)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    int port = freePort();
    Path log = dir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // a small heap and the quick compiler: eight helpers share two cores here, the start-up
    // dominates
    command.addAll(List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.add("-Ddrill.clock-file=" + clockFile.toAbsolutePath());
    command.add("-cp");
    command.add(classpath());
    command.add(DrillNode.class.getName());
    command.add("--server.port=" + port);
    command.addAll(args);
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    ChildNode node = new ChildNode(name, port, p, log);
    // the drill's JVM stopped (Ctrl-C, a killed build): its nodes go with it
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    node.awaitUp(Duration.ofMinutes(5));
    return node;
  }

  /**
   * The test's own classpath, each entry once: surefire names it in this property (java.class.path
   * may be its booter jar).
   */
  static String classpath() {
    String surefire = System.getProperty("surefire.test.class.path");
    String path =
        surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    // once each: a folder listed twice would make the engine deploy every model twice at start
    return String.join(
        java.io.File.pathSeparator,
        new java.util.LinkedHashSet<>(List.of(path.split(java.io.File.pathSeparator))));
  }

  private void awaitUp(Duration timeout) throws InterruptedException, IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " ended at start (exit "
                + process.exitValue()
                + "), see "
                + log.toAbsolutePath());
      }
      try {
        // Tomcat starts listening once the context is refreshed (engine built, models deployed):
        // any answer will do
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    kill();
    throw new IllegalStateException(
        name + " did not answer within " + timeout + ", see " + log.toAbsolutePath());
  }

  /** kill -9: the process ends at once, whatever it was doing. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(1, TimeUnit.MINUTES);
  }

  /** A graceful stop (SIGTERM): Spring closes the context, the job executor stops. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      kill();
    }
  }

  /**
   * Moves the clock of every node that reads this file: the engine time becomes {@code engineTime}
   * now.
   */
  public static void setClock(Path clockFile, long engineTimeMillis) throws IOException {
    Path tmp = clockFile.resolveSibling(clockFile.getFileName() + ".tmp");
    Files.writeString(tmp, Long.toString(engineTimeMillis - System.currentTimeMillis()));
    Files.move(tmp, clockFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
