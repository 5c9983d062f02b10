import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The helper of docker/cluster-drill.sh, compiled by it with javac (a JDK 17 is all it needs; the
 * PostgreSQL driver is taken from the application's jar):
 *
 * <pre>
 *   smtp PORT LOGFILE                      an SMTP sink: one line per recipient of each message received
 *   mail LOGFILE RUN CASES                 deliveries of this run in the sink: observed, distinct, duplicates, lost
 *   open PORT USER PASSWORD CASES RUN      opens CASES business cases through the API, first reminder due today
 *   wait-http PORT SECONDS                 waits until something answers HTTP on that port
 *   sql URL USER PASSWORD QUERY            prints the rows of a query, columns separated by tabs; :now is
 *                                          this machine's time (the engines' clock), not the database's
 * </pre>
 */
public class DrillTool {
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "smtp" -> smtp(Integer.parseInt(args[1]), Path.of(args[2]));
      case "mail" -> mail(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
      case "open" -> open(Integer.parseInt(args[1]), args[2], args[3], Integer.parseInt(args[4]), args[5]);
      case "wait-http" -> waitHttp(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      case "sql" -> sql(args[1], args[2], args[3], args[4]);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  /** Accepts every message; writes "recipient" once per recipient of each message, when its DATA ends. */
  static void smtp(int port, Path log) throws IOException {
    try (ServerSocket server = new ServerSocket(port, 200, java.net.InetAddress.getLoopbackAddress())) {
      System.out.println("SMTP sink on 127.0.0.1:" + port + ", log " + log);
      while (true) {
        Socket s = server.accept();
        Thread t = new Thread(() -> session(s, log), "smtp-session");
        t.setDaemon(true);
        t.start();
      }
    }
  }

  static void session(Socket socket, Path log) {
    try (socket;
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream raw = socket.getOutputStream()) {
      PrintWriter out = new PrintWriter(raw, true, StandardCharsets.ISO_8859_1);
      out.print("220 drill SMTP sink\r\n");
      out.flush();
      List<String> recipients = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String upper = line.toUpperCase();
        if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
          out.print("250 drill\r\n");
        } else if (upper.startsWith("MAIL FROM")) {
          recipients.clear();
          out.print("250 OK\r\n");
        } else if (upper.startsWith("RCPT TO")) {
          recipients.add(line.substring(line.indexOf(':') + 1).trim().replace("<", "").replace(">", ""));
          out.print("250 OK\r\n");
        } else if (upper.equals("DATA")) {
          out.print("354 end with .\r\n");
          out.flush();
          while ((line = in.readLine()) != null && !line.equals(".")) {
            // the message itself is not kept
          }
          StringBuilder b = new StringBuilder();
          recipients.forEach(r -> b.append(r).append('\n'));
          synchronized (DrillTool.class) {
            Files.writeString(log, b, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          }
          recipients.clear();
          out.print("250 OK queued\r\n");
        } else if (upper.startsWith("QUIT")) {
          out.print("221 bye\r\n");
          out.flush();
          return;
        } else {
          out.print("250 OK\r\n");
        }
        out.flush();
      }
    } catch (IOException e) {
      System.err.println("SMTP session ended: " + e);
    }
  }

  static void mail(Path log, String run, int cases) throws IOException {
    Map<String, Integer> perRecipient = new HashMap<>();
    if (Files.exists(log)) {
      for (String r : Files.readAllLines(log)) {
        if (r.contains("-" + run + "@")) {
          perRecipient.merge(r, 1, Integer::sum);
        }
      }
    }
    int observed = perRecipient.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("observed=%d distinct=%d duplicates=%d lost=%d%n",
        observed, perRecipient.size(), observed - perRecipient.size(), cases - perRecipient.size());
  }

  static void open(int port, String user, String password, int cases, String run) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    // due in two days: the courtesy email (J-2 in reminder-cadence) falls due today
    LocalDate due = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(2);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      int n = i;
      answers.add(pool.submit(() -> {
        String body = """
            {"debtor": {"externalId": "CL-%2$s-%1$d", "type": "BUSINESS", "name": "Boulangerie Martin SARL", "siren": "552100554",
                        "email": "c%1$d-%2$s@cluster.example",
                        "address": {"line1": "3 rue des Lilas", "postalCode": "69003", "city": "Lyon", "country": "FR"}},
             "invoices": [{"number": "F-CL-%2$s-%1$d", "issueDate": "%3$s", "dueDate": "%4$s", "amount": 1850.00}]}
            """.formatted(n, run, due.minusDays(30), due);
        HttpResponse<String> r = http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases"))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
          System.err.println("case " + n + ": " + r.statusCode() + " " + r.body());
        }
        return r.statusCode();
      }));
    }
    int opened = 0;
    for (Future<Integer> f : answers) {
      opened += f.get() == 201 ? 1 : 0;
    }
    pool.shutdown();
    System.out.println("opened=" + opened);
    if (opened != cases) {
      System.exit(1);
    }
  }

  static void waitHttp(int port, int seconds) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (System.nanoTime() < until) {
      try {
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(), HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        Thread.sleep(1000);
      }
    }
    System.err.println("nothing answers on port " + port + " after " + seconds + " s");
    System.exit(1);
  }

  static void sql(String url, String user, String password, String query) throws Exception {
    // ":now" is this machine's time, the clock the engines read (not the database server's)
    int nows = query.split(":now", -1).length - 1;
    try (Connection c = DriverManager.getConnection(url, user, password);
        java.sql.PreparedStatement s = c.prepareStatement(query.replace(":now", "?"))) {
      for (int i = 1; i <= nows; i++) {
        s.setTimestamp(i, new java.sql.Timestamp(System.currentTimeMillis()));
      }
      print(s.executeQuery());
    }
  }

  static void print(ResultSet result) throws Exception {
    try (ResultSet rs = result) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          b.append(i > 1 ? "\t" : "").append(rs.getString(i));
        }
        System.out.println(b);
      }
    }
  }
}
