package fr.recouvrement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RecouvrementApplication {
  public static void main(String[] args) {
    // H2's AUTO_SERVER (profile local only) opens a TCP port: accept connections from this machine
    // only
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
    SpringApplication.run(RecouvrementApplication.class, args);
  }
}
