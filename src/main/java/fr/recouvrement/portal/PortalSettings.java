package fr.recouvrement.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The debtor portal ({@code recouvrement.portal.*}). {@code baseUrl} is the address debtors reach
 * this application at from the internet (e.g. {@code https://paiement.creancier.fr}); the links in
 * messages and the QR codes on letters use it. When absent, {@code http://localhost:<port>} is used
 * and the log says so: fine on a laptop, wrong for real debtors. {@code daysAfterClosing}: how long
 * a link keeps working once its case is closed (to see the receipt of a last payment). {@code
 * requestsPerTenMinutes}: per link and per client address.
 */
@ConfigurationProperties("recouvrement.portal")
public record PortalSettings(
    String baseUrl,
    @DefaultValue("30") int daysAfterClosing,
    @DefaultValue("60") int requestsPerTenMinutes,
    @DefaultValue("20") int actionsPerTenMinutes) {}
