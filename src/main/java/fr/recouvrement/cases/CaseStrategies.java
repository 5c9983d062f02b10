package fr.recouvrement.cases;

import fr.recouvrement.engine.StrategyInForce;
import fr.recouvrement.engine.StrategyInForce.Strategy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records on the case the strategy its process starts under ({@link StrategyInForce}: the version
 * tags of the models in force), in {@code collection_case.strategy_version}, and each strategy once
 * in {@code strategy_version}. The KPIs « par version de stratégie » read them.
 */
@Component
class CaseStrategies {
  private final JdbcTemplate jdbc;
  private final StrategyInForce strategies;

  /**
   * A new strategy is recorded in a transaction of its own: two nodes opening the first case after
   * a deployment at once must not fail an opening on the duplicate key.
   */
  private final TransactionTemplate separately;

  private final Set<String> recorded = ConcurrentHashMap.newKeySet();

  CaseStrategies(
      JdbcTemplate jdbc, StrategyInForce strategies, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.strategies = strategies;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The case's process instance just started: its strategy is the one in force now. */
  void record(long caseId, ProcessInstance instance) {
    Strategy strategy = strategies.of(instance.getProcessDefinitionId());
    if (!recorded.contains(strategy.fingerprint())) {
      try {
        separately.executeWithoutResult(
            status ->
                jdbc.update(
                    "insert into strategy_version (fingerprint, models, first_used_at)"
                        + " select ?, ?, ? where not exists"
                        + " (select 1 from strategy_version where fingerprint = ?)",
                    strategy.fingerprint(),
                    strategy.models(),
                    Timestamp.from(Instant.now()),
                    strategy.fingerprint()));
      } catch (DuplicateKeyException recordedByAnotherNode) {
        // the same strategy, recorded by a concurrent opening
      }
      recorded.add(strategy.fingerprint());
    }
    jdbc.update(
        "update collection_case set strategy_version = ? where id = ?",
        strategy.fingerprint(),
        caseId);
  }
}
