package fr.recouvrement.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * How the models read in Modeler: sequence flows that cross each other, and labels that sit on an
 * element or are too narrow for their longest word (Modeler then breaks it: « promess e »). Counted
 * on the diagram interchange (DI) of every plane, one line per model in the build log.
 */
class ModelLayoutTest {

  /** Width of one character of a label in Modeler's 11 px font, rounded up. */
  private static final double CHAR_WIDTH = 5.6;

  @Test
  void theCaseModelHasFewerThanTenCrossingFlowsAndEveryModelIsCounted() throws IOException {
    Map<String, Integer> crossings = new TreeMap<>();
    for (Resource r : models()) {
      crossings.put(r.getFilename(), crossings(read(r)));
    }
    crossings.forEach((model, n) -> System.out.printf("crossings %-28s %d%n", model, n));
    assertThat(crossings).containsKey("collection-case.bpmn");
    assertThat(crossings.get("collection-case.bpmn"))
        .as("crossing sequence flows in collection-case")
        .isLessThan(10);
  }

  @Test
  void noLabelOfTheCaseModelSitsOnAnElementOrBreaksInsideAWord() throws IOException {
    BpmnModelInstance model =
        read(
            new PathMatchingResourcePatternResolver()
                .getResource("classpath:processes/collection-case.bpmn"));
    List<String> problems = new ArrayList<>();
    for (BpmnPlane plane : model.getModelElementsByType(BpmnPlane.class)) {
      List<BpmnShape> shapes = plane.getChildElementsByType(BpmnShape.class).stream().toList();
      for (BpmnShape shape : shapes) {
        check(
            shape.getBpmnElement(),
            shape.getBpmnLabel() == null ? null : shape.getBpmnLabel().getBounds(),
            shapes,
            problems);
      }
      for (BpmnEdge edge : plane.getChildElementsByType(BpmnEdge.class)) {
        check(
            edge.getBpmnElement(),
            edge.getBpmnLabel() == null ? null : edge.getBpmnLabel().getBounds(),
            shapes,
            problems);
      }
    }
    assertThat(problems).isEmpty();
  }

  private static void check(
      BaseElement element, Bounds label, List<BpmnShape> shapes, List<String> problems) {
    if (label == null || !(element instanceof FlowElement named) || named.getName() == null) {
      return;
    }
    String longest = "";
    for (String word : named.getName().split("\\s+")) {
      longest = word.length() > longest.length() ? word : longest;
    }
    if (label.getWidth() < longest.length() * CHAR_WIDTH) {
      problems.add(
          element.getId()
              + ": label "
              + label.getWidth()
              + " px wide, « "
              + longest
              + " » needs "
              + longest.length() * CHAR_WIDTH);
    }
    for (BpmnShape shape : shapes) {
      if (shape.getBpmnElement() instanceof FlowNode
          && !Boolean.TRUE.equals(shape.isExpanded())
          && overlap(label, shape.getBounds())) {
        problems.add(element.getId() + ": label on " + shape.getBpmnElement().getId());
      }
    }
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth()
        && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight()
        && b.getY() < a.getY() + a.getHeight();
  }

  /** Pairs of segments of two different sequence flows that cross (touching ends do not count). */
  static int crossings(BpmnModelInstance model) {
    int count = 0;
    for (BpmnPlane plane : model.getModelElementsByType(BpmnPlane.class)) {
      List<List<Waypoint>> flows =
          plane.getChildElementsByType(BpmnEdge.class).stream()
              .filter(e -> e.getBpmnElement() instanceof SequenceFlow)
              .map(e -> List.copyOf(e.getWaypoints()))
              .toList();
      for (int i = 0; i < flows.size(); i++) {
        for (int j = i + 1; j < flows.size(); j++) {
          count += crossings(flows.get(i), flows.get(j));
        }
      }
    }
    return count;
  }

  private static int crossings(List<Waypoint> a, List<Waypoint> b) {
    int n = 0;
    for (int i = 0; i + 1 < a.size(); i++) {
      for (int j = 0; j + 1 < b.size(); j++) {
        if (cross(a.get(i), a.get(i + 1), b.get(j), b.get(j + 1))) {
          n++;
        }
      }
    }
    return n;
  }

  private static boolean cross(Waypoint p1, Waypoint p2, Waypoint p3, Waypoint p4) {
    return side(p3, p4, p1) * side(p3, p4, p2) < 0 && side(p1, p2, p3) * side(p1, p2, p4) < 0;
  }

  private static int side(Waypoint p, Waypoint q, Waypoint r) {
    double v =
        (q.getX() - p.getX()) * (r.getY() - p.getY())
            - (q.getY() - p.getY()) * (r.getX() - p.getX());
    return Math.abs(v) < 1e-9 ? 0 : (v > 0 ? 1 : -1);
  }

  private static Collection<Resource> models() throws IOException {
    return List.of(
        new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn"));
  }

  private static BpmnModelInstance read(Resource r) throws IOException {
    try (InputStream in = r.getInputStream()) {
      return Bpmn.readModelFromStream(in);
    }
  }
}
