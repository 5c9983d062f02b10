package fr.recouvrement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The main class of an application instance started by a drill as a child JVM ({@link ChildNode}):
 * the application as shipped, with the engine's clock ({@link ClockUtil}, which {@code CaseClock}
 * reads) set by the drill. The system property {@code drill.clock-file} names a file holding one
 * number, the offset in milliseconds from this machine's time; it is read before the application
 * starts and again every 200 ms, so the drill moves the clock of every node at once (a wave is
 * released on a weekday inside contact hours, whatever day the drill runs).
 */
public final class DrillNode {
  private DrillNode() {}

  public static void main(String[] args) throws Exception {
    // a node outlives no drill: when the JVM that started it is gone, it stops at once
    ProcessHandle.current()
        .parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
    String file = System.getProperty("drill.clock-file");
    if (file != null) {
      Path clock = Path.of(file);
      long[] applied = {readOffset(clock)};
      ClockUtil.offset(applied[0]);
      Thread watch =
          new Thread(
              () -> {
                while (true) {
                  try {
                    Thread.sleep(200);
                    long offset = readOffset(clock);
                    if (offset != applied[0]) {
                      ClockUtil.offset(offset);
                      applied[0] = offset;
                    }
                  } catch (InterruptedException e) {
                    return;
                  } catch (IOException | RuntimeException e) {
                    // a file being rewritten: read it again next time
                  }
                }
              },
              "drill-clock");
      watch.setDaemon(true);
      watch.start();
    }
    RecouvrementApplication.main(args);
  }

  static long readOffset(Path clock) throws IOException {
    return Long.parseLong(Files.readString(clock).trim());
  }
}
