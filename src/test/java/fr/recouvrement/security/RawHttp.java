package fr.recouvrement.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP/1.1 written by hand on a socket: what the review's probes did and a client library will not,
 * a {@code Content-Length} the body never delivers, or a call from another local address (127.0.0.2
 * stands for "another machine").
 */
final class RawHttp {
  private RawHttp() {}

  record Answer(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return "";
    }

    /** The cookies the answer sets, as a Cookie request header value. */
    String cookies() {
      StringBuilder cookies = new StringBuilder();
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase().startsWith("set-cookie:")) {
          String cookie = line.substring("set-cookie:".length()).trim().split(";", 2)[0];
          cookies.append(cookies.isEmpty() ? "" : "; ").append(cookie);
        }
      }
      return cookies.toString();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  static String basic(String user, String password) {
    return "Authorization: Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))
        + "\r\n";
  }

  /**
   * Sends the request head (and body, if any) from this local address, then reads the whole answer;
   * the server closes.
   */
  static Answer send(String fromAddress, int port, String requestHead, byte[] body) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      // a server that waited for the announced body would time out here: the answer must come
      // unread
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        answer.write(buffer, 0, n);
        String text = answer.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end > 0) {
          Answer partial = parse(text);
          String length = partial.header("Content-Length");
          if (!length.isEmpty()
              && partial.body().getBytes(StandardCharsets.UTF_8).length
                  >= Integer.parseInt(length)) {
            return partial;
          }
        }
      }
      return parse(answer.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer parse(String text) {
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    int status = Integer.parseInt(head.split(" ", 3)[1]);
    return new Answer(status, head, body);
  }
}
