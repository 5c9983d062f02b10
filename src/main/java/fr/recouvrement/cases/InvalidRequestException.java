package fr.recouvrement.cases;

import java.util.List;

/** Input that breaks a rule, with every field at fault; answered as problem+json 400. */
public class InvalidRequestException extends RuntimeException {
  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(FieldProblem.describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  public record FieldProblem(String field, String message) {
    static String describe(List<FieldProblem> problems) {
      return String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList());
    }
  }
}
