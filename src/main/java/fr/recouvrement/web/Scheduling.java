package fr.recouvrement.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the application's periodic work ({@link KeptCallbackSweep}); the collection work itself is
 * the engine's jobs.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Scheduling {}
