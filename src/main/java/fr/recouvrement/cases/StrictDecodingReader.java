package fr.recouvrement.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes into text and refuses, rather than replaces, bytes that are not text in the
 * charset. Unlike {@link java.io.InputStreamReader} with a reporting decoder, which drops the text
 * decoded before the bad bytes, every good character is handed out first and the error comes on the
 * read that reaches the bad bytes, so a reader upstream knows which line they are on.
 */
final class StrictDecodingReader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
  private final CharBuffer chars = CharBuffer.allocate(8192).flip();
  private CoderResult error;
  private boolean eof;

  StrictDecodingReader(InputStream in, Charset charset) {
    this.in = in;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  @Override
  public int read(char[] target, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (error != null) {
        error.throwException();
      }
      if (eof && !bytes.hasRemaining()) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, chars.remaining());
    chars.get(target, off, n);
    return n;
  }

  private void fill() throws IOException {
    if (!eof) {
      bytes.compact();
      int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (read < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + read);
      }
      bytes.flip();
    }
    chars.clear();
    CoderResult result = decoder.decode(bytes, chars, eof);
    if (result.isError()) {
      error = result;
    } else if (eof && result.isUnderflow()) {
      decoder.flush(chars);
      if (bytes.hasRemaining()) {
        error = CoderResult.malformedForLength(bytes.remaining());
      }
    }
    chars.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
