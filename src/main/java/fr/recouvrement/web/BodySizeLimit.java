package fr.recouvrement.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body before anything reads it, and before anyone asks who is calling (review
 * H5, M3): the first filter of the application, in front of Spring Security. A declared {@code
 * Content-Length} over the limit of the path is answered 413 at once, unread; a body without a
 * length (chunked) is counted as it is read, and refused with 413 the moment it passes the limit,
 * whatever the reader was going to answer.
 */
class BodySizeLimit extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(BodySizeLimit.class);

  record Limit(String prefix, long bytes) {}

  private final List<Limit> limits;
  private final long otherwise;

  BodySizeLimit(List<Limit> limits, long otherwise) {
    this.limits = limits;
    this.otherwise = otherwise;
  }

  /** The limits of this application; {@code importSize} is the CSV import's. */
  static BodySizeLimit standard(DataSize importSize) {
    return new BodySizeLimit(
        List.of(
            // signed provider events: a few fields and at most 4,000 characters of details
            new Limit("/api/callbacks/", DataSize.ofKilobytes(16).toBytes()),
            new Limit("/api/cases/import", importSize.toBytes()),
            new Limit("/api/", DataSize.ofMegabytes(1).toBytes()),
            // what Camunda Modeler deploys: our whole strategy (every BPMN, DMN and form) is under
            // 1 MB
            new Limit("/engine-rest/deployment/", DataSize.ofMegabytes(10).toBytes()),
            new Limit(
                "/engine-rest/engine/default/deployment/", DataSize.ofMegabytes(10).toBytes()),
            new Limit("/engine-rest/", DataSize.ofMegabytes(1).toBytes()),
            // the debtor portal: a dispute carries up to 3 files of 5 MB (portal.PortalActions)
            new Limit("/portail/", DataSize.ofMegabytes(16).toBytes()),
            // the login form of the pages
            new Limit("/app/", DataSize.ofKilobytes(16).toBytes())),
        // the webapps (Tasklist forms, Cockpit, Admin) and anything else
        DataSize.ofMegabytes(1).toBytes());
  }

  long limitFor(String path) {
    for (Limit limit : limits) {
      String prefix = limit.prefix();
      // "/api/" also covers "/api" itself
      if (path.startsWith(prefix)
          || prefix.endsWith("/") && path.equals(prefix.substring(0, prefix.length() - 1))) {
        return limit.bytes();
      }
    }
    return otherwise;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitFor(Problems.path(request));
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      refuse(request, response, limit);
      return;
    }
    if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
      // the container reads no more than the declared length
      chain.doFilter(request, response);
      return;
    }
    Counted counted = new Counted(request, limit);
    Guarded guarded = new Guarded(response, counted);
    try {
      chain.doFilter(counted, guarded);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!counted.exceeded) {
        throw e;
      }
    }
    if (counted.exceeded) {
      if (response.isCommitted()) {
        log.warn(
            "Body of {} over {} bytes, but an answer had already been sent",
            Problems.path(request),
            limit);
        return;
      }
      response.reset();
      refuse(request, response, limit);
    }
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
      throws IOException {
    log.warn(
        "Refused a request body over {} bytes on {} {}",
        limit,
        request.getMethod(),
        Problems.path(request));
    // do not read (swallow) the rest of the body: close the connection after answering
    response.setHeader("Connection", "close");
    Problems.write(
        request,
        response,
        413,
        "Payload too large",
        "The request body is larger than the " + human(limit) + " accepted here.");
  }

  private static String human(long bytes) {
    return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
  }

  /** Thrown to the reader of a body that passes the limit. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super("Request body over " + limit + " bytes");
    }
  }

  /** The request, whose body stream fails once more than the limit was read. */
  static final class Counted extends HttpServletRequestWrapper {
    private final long limit;
    private volatile boolean exceeded;
    private ServletInputStream stream;

    Counted(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws IOException {
                read += n;
                if (read > limit) {
                  exceeded = true;
                  throw new BodyTooLargeException(limit);
                }
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  /**
   * The response, which ignores what the reader answers once the body was refused: 413 is the
   * answer.
   */
  static final class Guarded extends HttpServletResponseWrapper {
    private final Counted request;

    Guarded(HttpServletResponse response, Counted request) {
      super(response);
      this.request = request;
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      if (!request.exceeded) {
        super.sendError(sc, msg);
      }
    }

    @Override
    public void sendError(int sc) throws IOException {
      if (!request.exceeded) {
        super.sendError(sc);
      }
    }

    @Override
    public void setStatus(int sc) {
      if (!request.exceeded) {
        super.setStatus(sc);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!request.exceeded) {
        super.flushBuffer();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      ServletOutputStream out = super.getOutputStream();
      return new ServletOutputStream() {
        @Override
        public void write(int b) throws IOException {
          if (!request.exceeded) {
            out.write(b);
          }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          if (!request.exceeded) {
            out.write(b, off, len);
          }
        }

        @Override
        public void flush() throws IOException {
          if (!request.exceeded) {
            out.flush();
          }
        }

        @Override
        public boolean isReady() {
          return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          out.setWriteListener(listener);
        }
      };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      PrintWriter writer = super.getWriter();
      return new PrintWriter(
          new Writer() {
            @Override
            public void write(char[] buffer, int off, int len) {
              if (!request.exceeded) {
                writer.write(buffer, off, len);
              }
            }

            @Override
            public void flush() {
              if (!request.exceeded) {
                writer.flush();
              }
            }

            @Override
            public void close() {
              if (!request.exceeded) {
                writer.close();
              }
            }
          });
    }
  }
}
