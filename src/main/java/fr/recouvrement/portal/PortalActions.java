package fr.recouvrement.portal;

import fr.recouvrement.cases.CaseConflictException;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.cases.InvalidRequestException;
import fr.recouvrement.channel.ContactPolicy;
import fr.recouvrement.channel.DocumentStore;
import fr.recouvrement.dispute.DisputeRequest;
import fr.recouvrement.dispute.DisputeService;
import fr.recouvrement.dispute.DisputeView;
import fr.recouvrement.engine.HouseDelays;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.payment.PaymentProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a debtor can do on the portal, each a step of the case's processes: a promise and a plan
 * proposal are messages to the amicable reminders (which then stop), a dispute is raised exactly as
 * through the API, a call-back request starts a collector's task, and an online payment opens the
 * provider's checkout. Each submission carries a key made when the page was drawn: recorded in the
 * same transaction as the step, so a double click makes one promise, one plan, one dispute.
 */
@Service
class PortalActions {
  static final String MESSAGE_PROMISE = "PortalPromise";
  static final String MESSAGE_PLAN = "PortalPlanProposal";
  static final String CALLBACK_PROCESS = "debtor-callback";
  static final int MAX_FILES = 3;
  static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
  static final int MAX_COMMENT = 2000;

  private static final Pattern SUBMISSION =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRANCE);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

  /** Two-hour call-back slots; only those the contact policy allows for a call are offered. */
  private static final List<LocalTime> SLOT_STARTS =
      List.of(LocalTime.of(10, 0), LocalTime.of(14, 0), LocalTime.of(16, 0), LocalTime.of(18, 0));

  private static final int SLOT_DAYS = 5;
  private static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

  static {
    CATEGORIES.put(
        "TECHNICAL", "La prestation ou la marchandise (non livrée, défectueuse, incomplète)");
    CATEGORIES.put(
        "ADMINISTRATIVE",
        "Un problème administratif (bon de commande, adresse de facturation, doublon)");
    CATEGORIES.put("COMMERCIAL", "Le prix ou une remise convenue");
  }

  /**
   * What the debtor is told after a submission; {@code ok} false for a refusal they can correct.
   */
  record Outcome(boolean ok, String message) {}

  /** An offered call-back slot: its value in the form and its French label. */
  record Slot(String value, String label) {}

  private final RuntimeService runtime;
  private final HouseDelays houseDelays;
  private final TaskService tasks;
  private final CaseService cases;
  private final DisputeService disputes;
  private final DocumentStore documents;
  private final ContactPolicy contactPolicy;
  private final ObjectProvider<PaymentProvider> provider;
  private final PortalRepository repository;
  private final PortalLinks links;
  private final TransactionTemplate tx;

  PortalActions(
      RuntimeService runtime,
      TaskService tasks,
      CaseService cases,
      DisputeService disputes,
      DocumentStore documents,
      ContactPolicy contactPolicy,
      ObjectProvider<PaymentProvider> provider,
      PortalRepository repository,
      PortalLinks links,
      HouseDelays houseDelays,
      TransactionTemplate tx) {
    this.houseDelays = houseDelays;
    this.runtime = runtime;
    this.tasks = tasks;
    this.cases = cases;
    this.disputes = disputes;
    this.documents = documents;
    this.contactPolicy = contactPolicy;
    this.provider = provider;
    this.repository = repository;
    this.links = links;
    this.tx = tx;
  }

  /** The forms the page may show now, and their choices. */
  void addChoices(PortalRepository.LinkedCase link, Model model) {
    CaseView c = cases.get(link.reference());
    boolean open = !c.status().isClosed();
    LocalDate today = CaseClock.today();
    model.addAttribute("canPromise", open && waitingFor(link.reference(), MESSAGE_PROMISE));
    model.addAttribute("canPlan", open && waitingFor(link.reference(), MESSAGE_PLAN));
    List<String> disputable =
        c.invoices().stream()
            .filter(i -> i.outstanding().signum() > 0 && !i.disputed())
            .map(CaseView.Invoice::number)
            .toList();
    model.addAttribute("disputable", open ? disputable : List.of());
    model.addAttribute("categories", CATEGORIES);
    model.addAttribute("slots", open ? slots(c) : List.of());
    model.addAttribute(
        "payOnline",
        open && provider.getIfAvailable() != null && c.undisputedBalance().signum() > 0);
    model.addAttribute("minDate", today.plusDays(1).toString());
    model.addAttribute("maxDate", today.plusDays(maxDaysAhead()).toString());
  }

  Outcome promise(PortalRepository.LinkedCase link, String submission, String date) {
    LocalDate day = day(date);
    if (day == null) {
      return refused(
          "Choisissez la date à laquelle vous paierez, entre demain et le "
              + SHORT.format(CaseClock.today().plusDays(maxDaysAhead()))
              + ".");
    }
    BigDecimal amount =
        cases.get(link.reference()).undisputedBalance().setScale(2, RoundingMode.HALF_UP);
    String summary = "Promesse de payer " + euros(amount) + " au plus tard le " + SHORT.format(day);
    return once(
        link,
        PortalAction.PROMISE,
        submission,
        summary,
        () -> {
          Map<String, Object> v = new HashMap<>();
          v.put("promiseDate", day.toString());
          v.put("promiseAmount", amount.doubleValue());
          correlate(link.reference(), MESSAGE_PROMISE, v);
          return new Outcome(
              true,
              "Merci. Votre promesse de payer "
                  + euros(amount)
                  + " au plus tard le "
                  + SHORT.format(day)
                  + " est enregistrée : nous ne vous relancerons pas d'ici là.");
        });
  }

  Outcome plan(
      PortalRepository.LinkedCase link,
      String submission,
      String count,
      String firstDate,
      String downPayment) {
    int instalments;
    try {
      instalments = Integer.parseInt(count == null ? "" : count.trim());
    } catch (NumberFormatException e) {
      instalments = 0;
    }
    if (instalments < 2 || instalments > 24) {
      return refused("Indiquez un nombre d'échéances mensuelles entre 2 et 24.");
    }
    LocalDate first = day(firstDate);
    if (first == null) {
      return refused(
          "Choisissez la date de la première échéance, entre demain et le "
              + SHORT.format(CaseClock.today().plusDays(maxDaysAhead()))
              + ".");
    }
    BigDecimal balance = cases.get(link.reference()).balance();
    BigDecimal down;
    try {
      down =
          downPayment == null || downPayment.isBlank()
              ? BigDecimal.ZERO
              : new BigDecimal(downPayment.trim().replace(',', '.').replace(" ", ""));
    } catch (NumberFormatException e) {
      return refused("L'acompte doit être un montant en euros, par exemple 150 ou 150,50.");
    }
    if (down.signum() < 0 || down.scale() > 2 || down.compareTo(balance) >= 0) {
      return refused(
          "L'acompte doit être un montant en euros, au plus deux décimales, inférieur au solde de "
              + euros(balance)
              + ".");
    }
    BigDecimal downPaid = down.setScale(2, RoundingMode.HALF_UP);
    int n = instalments;
    String summary =
        "Proposition d'échéancier : "
            + n
            + " mensualités à partir du "
            + SHORT.format(first)
            + (downPaid.signum() > 0 ? ", acompte de " + euros(downPaid) : "");
    return once(
        link,
        PortalAction.PLAN,
        submission,
        summary,
        () -> {
          Map<String, Object> v = new HashMap<>();
          v.put("planProposedOnPortal", true);
          v.put("proposedInstalmentCount", n);
          v.put("proposedFirstInstalmentDate", first.toString());
          v.put("proposedDownPayment", downPaid.doubleValue());
          correlate(link.reference(), MESSAGE_PLAN, v);
          boolean toNegotiate =
              tasks
                      .createTaskQuery()
                      .processInstanceBusinessKey(link.reference())
                      .taskDefinitionKey("Task_NegotiatePlan")
                      .count()
                  > 0;
          return new Outcome(
              true,
              toNegotiate
                  ? "Merci. Votre proposition a été transmise à nos équipes, qui vous répondront sous deux jours ouvrés. Nous ne vous relancerons pas entre-temps."
                  : "Votre échéancier est accepté. Vous allez recevoir l'échéancier détaillé par courriel.");
        });
  }

  Outcome dispute(
      PortalRepository.LinkedCase link,
      String submission,
      List<String> invoiceNumbers,
      String category,
      String comment,
      List<MultipartFile> files) {
    List<String> numbers =
        invoiceNumbers == null
            ? List.of()
            : invoiceNumbers.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
    if (numbers.isEmpty()) {
      return refused("Cochez la ou les factures que vous contestez.");
    }
    if (category == null || !CATEGORIES.containsKey(category)) {
      return refused("Choisissez ce que vous contestez.");
    }
    String text = comment == null ? "" : comment.strip();
    if (text.isEmpty() || text.length() > MAX_COMMENT) {
      return refused(
          "Expliquez en quelques mots ce que vous contestez ("
              + MAX_COMMENT
              + " caractères au plus).");
    }
    List<Upload> uploads = new ArrayList<>();
    List<MultipartFile> given =
        files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
    if (given.size() > MAX_FILES) {
      return refused("Joignez au plus " + MAX_FILES + " fichiers.");
    }
    for (MultipartFile f : given) {
      if (f.getSize() > MAX_FILE_BYTES) {
        return refused("Le fichier « " + displayName(f) + " » dépasse 5 Mo.");
      }
      byte[] bytes;
      try {
        bytes = f.getBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String type = sniff(bytes);
      if (type == null) {
        return refused(
            "Le fichier « " + displayName(f) + " » n'est ni un PDF, ni une image JPEG ou PNG.");
      }
      uploads.add(new Upload(displayName(f), type, bytes));
    }
    String summary =
        "Contestation des factures "
            + String.join(", ", numbers)
            + (uploads.isEmpty() ? "" : " (" + uploads.size() + " pièce(s) jointe(s))");
    return once(
        link,
        PortalAction.DISPUTE,
        submission,
        summary,
        () -> {
          DisputeView d;
          try {
            d =
                disputes.raise(
                    link.reference(),
                    new DisputeRequest(category, numbers, text),
                    PortalAction.ACTOR);
          } catch (InvalidRequestException e) {
            throw new Refusal("Une des factures choisies ne fait pas partie de votre dossier.");
          } catch (CaseConflictException e) {
            throw new Refusal(
                "Une des factures choisies est déjà contestée : nous instruisons votre première contestation.");
          }
          List<String> lines = new ArrayList<>();
          for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            String extension =
                switch (u.type()) {
                  case "application/pdf" -> "pdf";
                  case "image/png" -> "png";
                  default -> "jpg";
                };
            DocumentStore.Document doc =
                documents.storeReceived(
                    "dispute:" + d.id() + ":" + (i + 1),
                    link.reference(),
                    "DISPUTE_PROOF",
                    "contestation-" + d.id() + "-" + (i + 1) + "." + extension,
                    u.type(),
                    u.bytes());
            lines.add(
                u.name()
                    + " — SHA-256 "
                    + doc.sha256()
                    + " — "
                    + links.baseUrl()
                    + "/app/documents/"
                    + doc.id());
          }
          if (!lines.isEmpty()) {
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey("dispute")
                .processInstanceBusinessKey(link.reference())
                .active()
                .list()
                .forEach(
                    p -> {
                      Object id = runtime.getVariable(p.getId(), "disputeId");
                      if (id != null && id.toString().equals(Long.toString(d.id()))) {
                        runtime.setVariable(
                            p.getId(), "disputeDocuments", String.join("\n", lines));
                      }
                    });
          }
          return new Outcome(
              true,
              "Votre contestation est enregistrée. Nous ne vous relancerons pas pour "
                  + (numbers.size() == 1 ? "cette facture" : "ces factures")
                  + " tant que nous ne vous aurons pas répondu.");
        });
  }

  Outcome callback(PortalRepository.LinkedCase link, String submission, String slot) {
    CaseView c = cases.get(link.reference());
    Slot chosen = slots(c).stream().filter(s -> s.value().equals(slot)).findFirst().orElse(null);
    if (chosen == null) {
      return refused("Choisissez un des créneaux proposés.");
    }
    if (c.debtor().phone() == null || c.debtor().phone().isBlank()) {
      return refused("Nous n'avons pas votre numéro de téléphone : écrivez-nous ou appelez-nous.");
    }
    ZonedDateTime from = ZonedDateTime.parse(slot);
    return once(
        link,
        PortalAction.CALLBACK,
        submission,
        "Demande de rappel " + chosen.label(),
        () -> {
          Map<String, Object> v = new HashMap<>();
          v.put("caseReference", c.reference());
          v.put("debtorName", c.debtor().name());
          v.put("debtorPhone", c.debtor().phone());
          v.put("callbackSlot", chosen.label());
          v.put("callbackFrom", Date.from(from.toInstant()));
          v.put("callbackUntil", Date.from(from.plusHours(2).toInstant()));
          runtime.startProcessInstanceByKey(CALLBACK_PROCESS, c.reference(), v);
          return new Outcome(true, "C'est noté : nous vous appellerons " + chosen.label() + ".");
        });
  }

  /** The provider's checkout page for what can be paid now, or a refusal. */
  Outcome pay(PortalRepository.LinkedCase link, String submission, String returnUrl) {
    PaymentProvider p = provider.getIfAvailable();
    CaseView c = cases.get(link.reference());
    BigDecimal amount = c.undisputedBalance().setScale(2, RoundingMode.HALF_UP);
    if (p == null || c.status().isClosed() || amount.signum() <= 0) {
      return refused(
          "Le paiement en ligne n'est pas disponible pour ce dossier : réglez par virement.");
    }
    if (submission == null || !SUBMISSION.matcher(submission).matches()) {
      return refused("Le formulaire a expiré : rechargez la page et recommencez.");
    }
    PaymentProvider.Checkout checkout =
        p.startCheckout(
            new PaymentProvider.CheckoutRequest(
                c.reference(),
                amount,
                "Dossier " + c.reference(),
                URI.create(returnUrl),
                "portal:" + submission));
    repository.recordAction(
        link.caseId(),
        PortalAction.PAYMENT,
        "pay:" + submission,
        "Paiement en ligne de " + euros(amount) + " commencé (" + p.name() + ")",
        CaseClock.now());
    return new Outcome(true, checkout.url().toString());
  }

  // ---

  private record Upload(String name, String type, byte[] bytes) {}

  /** A refusal raised inside an action's transaction: rolled back, then told to the debtor. */
  private static final class Refusal extends RuntimeException {
    Refusal(String message) {
      super(message, null, false, false);
    }
  }

  private interface Step {
    Outcome run();
  }

  private Outcome once(
      PortalRepository.LinkedCase link,
      PortalAction kind,
      String submission,
      String summary,
      Step step) {
    if (submission == null || !SUBMISSION.matcher(submission).matches()) {
      return refused("Le formulaire a expiré : rechargez la page et recommencez.");
    }
    try {
      return tx.execute(
          status -> {
            if (!repository.recordAction(
                link.caseId(), kind, submission, summary, CaseClock.now())) {
              return new Outcome(
                  true, "Votre demande était déjà enregistrée : elle n'est pas comptée deux fois.");
            }
            return step.run();
          });
    } catch (Refusal e) {
      return refused(e.getMessage());
    } catch (MismatchingMessageCorrelationException e) {
      return refused(
          "Votre dossier est à une étape où cette demande ne peut plus être faite en ligne : contactez-nous.");
    }
  }

  private void correlate(String reference, String message, Map<String, Object> variables) {
    runtime
        .createMessageCorrelation(message)
        .processInstanceBusinessKey(reference)
        .setVariables(variables)
        .correlateWithResult();
  }

  private boolean waitingFor(String reference, String message) {
    return runtime
            .createExecutionQuery()
            .processInstanceBusinessKey(reference)
            .messageEventSubscriptionName(message)
            .count()
        > 0;
  }

  /** Slots on the next working days that the contact policy allows a call in, from start to end. */
  List<Slot> slots(CaseView c) {
    List<Slot> offered = new ArrayList<>();
    ContactPolicy.ContactHistory none = new ContactPolicy.ContactHistory(List.of(), List.of());
    LocalDate day = CaseClock.today();
    for (int d = 1; d <= SLOT_DAYS + 4 && offered.size() < SLOT_DAYS * SLOT_STARTS.size(); d++) {
      LocalDate date = day.plusDays(d);
      if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      for (LocalTime start : SLOT_STARTS) {
        ZonedDateTime from = date.atTime(start).atZone(CaseClock.PARIS);
        if (contactPolicy.check("PHONE_CALL", from, none).allowed()
            && contactPolicy.check("PHONE_CALL", from.plusMinutes(119), none).allowed()) {
          offered.add(
              new Slot(
                  from.toOffsetDateTime().toString(),
                  "le "
                      + DAY.format(date)
                      + " entre "
                      + start.getHour()
                      + " h et "
                      + (start.getHour() + 2)
                      + " h"));
        }
      }
    }
    return offered;
  }

  /**
   * The portal's own bound on a date it takes without a person (a promise, a plan's first
   * instalment): the house-delays table's PORTAL_DATE_MAX_DAYS, two months as shipped.
   */
  private int maxDaysAhead() {
    return houseDelays.days(HouseDelays.PORTAL_DATE_MAX_DAYS);
  }

  private LocalDate day(String s) {
    try {
      LocalDate d = LocalDate.parse(s == null ? "" : s.trim());
      LocalDate today = CaseClock.today();
      return d.isAfter(today) && !d.isAfter(today.plusDays(maxDaysAhead())) ? d : null;
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The type by the file's first bytes, never by its name or the browser's word: PDF, PNG or JPEG,
   * else null.
   */
  static String sniff(byte[] b) {
    if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
      return "application/pdf";
    }
    if (b.length >= 8
        && (b[0] & 0xFF) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0D
        && b[5] == 0x0A
        && b[6] == 0x1A
        && b[7] == 0x0A) {
      return "image/png";
    }
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    return null;
  }

  private static String displayName(MultipartFile f) {
    String n = f.getOriginalFilename() == null ? "fichier" : f.getOriginalFilename();
    n = n.replaceAll("[\\p{Cntrl}/\\\\]", "_");
    return n.length() > 80 ? n.substring(0, 80) : n;
  }

  private static Outcome refused(String message) {
    return new Outcome(false, message);
  }

  static String euros(BigDecimal amount) {
    java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(Locale.FRANCE);
    f.setMinimumFractionDigits(2);
    f.setMaximumFractionDigits(2);
    return f.format(amount.setScale(2, RoundingMode.HALF_UP)).replace('\u202f', '\u00a0')
        + "\u00a0€";
  }
}
