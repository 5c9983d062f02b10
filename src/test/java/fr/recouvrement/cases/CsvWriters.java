package fr.recouvrement.cases;

/** For the benchmarks: how many chunks an import writes at a time (0: on the request thread). */
public final class CsvWriters {
  private CsvWriters() {}

  public static void set(CsvCaseImport csvImport, int writers) {
    csvImport.writersPerImport = writers;
  }

  public static int shipped() {
    return CsvCaseImport.WRITERS;
  }
}
