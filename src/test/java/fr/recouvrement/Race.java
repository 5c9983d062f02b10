package fr.recouvrement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same action from several threads released at the same instant: a race, on purpose. */
public final class Race {
  private Race() {}

  /**
   * Runs {@code action} from {@code threads} threads at once; answers what the failing ones threw.
   */
  public static List<Throwable> run(int threads, Callable<?> action) throws InterruptedException {
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        runs.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return action.call();
                }));
      }
      List<Throwable> failures = new ArrayList<>();
      for (Future<?> run : runs) {
        try {
          run.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          failures.add(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
          failures.add(e);
        }
      }
      return failures;
    } finally {
      pool.shutdownNow();
    }
  }
}
