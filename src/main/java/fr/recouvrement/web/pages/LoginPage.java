package fr.recouvrement.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The login form of the pages (Spring Security's form login posts it back to /app/login and checks
 * it against Camunda identity, see security.PagesSecurityConfig), and the page shown when a user
 * may not do what was asked.
 */
@Controller
@RequestMapping("/app")
class LoginPage {
  @GetMapping({"", "/"})
  String home() {
    return "redirect:/app/cases";
  }

  @GetMapping("/login")
  String login() {
    return "pages/login";
  }

  /**
   * Forwarded to by the access-denied handler: a user in no reading group, a form without its CSRF
   * token.
   */
  @RequestMapping("/denied")
  String denied(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "pages/denied";
  }
}
