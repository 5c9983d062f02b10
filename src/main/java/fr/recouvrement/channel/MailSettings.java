package fr.recouvrement.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code recouvrement.mail.from}: the sender of outgoing email; the creditor's email when unset.
 */
@ConfigurationProperties("recouvrement.mail")
record MailSettings(String from) {}
