package fr.recouvrement.web.pages;

import java.util.List;

/**
 * Horizontal bar charts drawn as inline SVG by the dashboard template: each bar's length is its
 * value over the chart's scale, and its figure is written beside it, so the chart reads without
 * colours. Negative values (a ROI below zero) are drawn with their own class.
 */
// public, as are its records: the templates' expressions call their accessors by reflection
public final class Charts {
  /** Width in SVG units of the longest bar; labels take the left, figures the right. */
  static final int LABEL_WIDTH = 220;

  static final int BAR_WIDTH = 300;
  static final int ROW_HEIGHT = 28;

  private Charts() {}

  public record Bar(
      String label, double value, String text, double length, boolean negative, int y) {}

  public record Chart(String id, String title, List<Bar> bars, int height) {
    public boolean isEmpty() {
      return bars.isEmpty();
    }
  }

  public record Entry(String label, Double value, String text) {}

  /**
   * Bars scaled to {@code scale}, or to the largest absolute value when that is larger; nulls drawn
   * empty.
   */
  static Chart chart(String id, String title, double scale, List<Entry> entries) {
    double max = scale;
    for (Entry e : entries) {
      if (e.value() != null) {
        max = Math.max(max, Math.abs(e.value()));
      }
    }
    double unit = max <= 0 ? 0 : BAR_WIDTH / max;
    List<Bar> bars =
        java.util.stream.IntStream.range(0, entries.size())
            .mapToObj(
                i -> {
                  Entry e = entries.get(i);
                  double v = e.value() == null ? 0 : e.value();
                  return new Bar(e.label(), v, e.text(), Math.abs(v) * unit, v < 0, i * ROW_HEIGHT);
                })
            .toList();
    return new Chart(id, title, bars, Math.max(1, bars.size()) * ROW_HEIGHT);
  }
}
