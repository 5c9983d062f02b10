package fr.recouvrement.kpi;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({UnitCosts.class, KpiSettings.class})
class KpiConfiguration {}
