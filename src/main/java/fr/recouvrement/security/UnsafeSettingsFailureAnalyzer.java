package fr.recouvrement.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints why {@link SafeDefaults} refused to start in plain words, without a stack trace. */
public class UnsafeSettingsFailureAnalyzer
    extends AbstractFailureAnalyzer<SafeDefaults.UnsafeSettingsException> {
  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, SafeDefaults.UnsafeSettingsException cause) {
    return new FailureAnalysis(
        "Recouvrement refuses to start with these settings. " + cause.getMessage(),
        "See README, section \"Run and test\", and docs/security.md (secrets and defaults).",
        cause);
  }
}
