package fr.recouvrement.legal.writeoff;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseService.VatLine;
import fr.recouvrement.kernel.process.StepVariables;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Calculer la TVA récupérable": what the supervisor confirming the write-off sees, and what the
 * accountant needs for the corrective invoice (CGI 272): per invoice, the unpaid amount (VAT
 * included) and its VAT. Writes recoverableVat (€) and recoverableVatLines (one line per invoice).
 */
@Component("computeRecoverableVat")
class ComputeRecoverableVat implements JavaDelegate {
  private final CaseService cases;

  ComputeRecoverableVat(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<VatLine> lines = cases.recoverableVat(StepVariables.of(execution).caseReference());
    BigDecimal total = lines.stream().map(VatLine::vat).reduce(BigDecimal.ZERO, BigDecimal::add);
    execution.setVariable("recoverableVat", total.doubleValue());
    execution.setVariable("recoverableVatLines", describe(lines));
  }

  static String describe(List<VatLine> lines) {
    if (lines.isEmpty()) {
      return "Aucune facture du dossier n'indique de TVA (vatAmount) : rien à régulariser ici.";
    }
    NumberFormat euros = NumberFormat.getCurrencyInstance(Locale.FRANCE);
    return lines.stream()
        .map(
            l ->
                "Facture %s du %s : reste impayé %s TTC, TVA à récupérer %s"
                    .formatted(
                        l.invoiceNumber(),
                        l.issueDate()
                            .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                        euros.format(l.unpaid()),
                        euros.format(l.vat())))
        .collect(Collectors.joining("\n"));
  }
}
