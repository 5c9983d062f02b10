package fr.recouvrement.web.pages;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the formats, the labels, and who is logged in. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {
  @ModelAttribute("fmt")
  PageFormats formats() {
    return PageFormats.FRENCH;
  }

  @ModelAttribute("labels")
  Labels labels() {
    return Labels.FRENCH;
  }

  @ModelAttribute("user")
  String user(Principal principal) {
    return principal == null ? null : principal.getName();
  }
}
