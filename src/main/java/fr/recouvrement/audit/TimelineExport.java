package fr.recouvrement.audit;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Service;

/**
 * The timeline as the CSV file French Excel opens (see {@link TimelineCsv#writeFrench}), for the
 * pages.
 */
@Service
public class TimelineExport {
  private final CaseTimeline timeline;

  TimelineExport(CaseTimeline timeline) {
    this.timeline = timeline;
  }

  /** UTF-8 bytes, byte-order mark first; CaseNotFoundException for an unknown case. */
  public byte[] frenchCsv(String reference) {
    return TimelineCsv.writeFrench(timeline.of(reference)).getBytes(StandardCharsets.UTF_8);
  }
}
