//! The safe subset of raw HTML in content: no scripts, frames, embeds or
//! styles, no event handlers, no `javascript:` links, and nothing that loads
//! a resource from another origin.

const FORBIDDEN_TAGS: &[&str] =
    &["script", "iframe", "object", "embed", "style", "frame", "frameset", "applet", "base", "meta", "link", "form"];
const RESOURCE_ATTRIBUTES: &[&str] =
    &["src", "srcset", "poster", "data", "background", "action", "formaction", "xlink:href"];

/// Problems in a piece of raw HTML, each with its byte offset in `html`.
pub fn check(html: &str) -> Vec<(usize, String)> {
    let mut problems = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(open) = html[i..].find('<').map(|o| o + i) {
        i = open + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(html.len(), |e| i + e + 3);
            continue;
        }
        let name_end = html[i..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).map_or(html.len(), |e| i + e);
        let name = html[i..name_end].to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        let forbidden = FORBIDDEN_TAGS.contains(&name.as_str());
        if forbidden {
            problems.push((open, format!("`<{name}>` is not allowed in content: pages may run no scripts, embed nothing and load nothing from elsewhere; remove it (link to the page instead)")));
        }
        i = name_end;
        // Attributes until the closing `>`.
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let attr_start = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
                i += 1;
            }
            let attr = html[attr_start..i].to_ascii_lowercase();
            let mut value = "";
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                let quote = bytes.get(i).copied();
                if matches!(quote, Some(b'"' | b'\'')) {
                    let q = quote.unwrap_or(b'"') as char;
                    let end = html[i + 1..].find(q).map_or(html.len(), |e| i + 1 + e);
                    value = &html[i + 1..end];
                    i = (end + 1).min(html.len());
                } else {
                    let end =
                        html[i..].find(|c: char| c.is_ascii_whitespace() || c == '>').map_or(html.len(), |e| i + e);
                    value = &html[i..end];
                    i = end;
                }
            }
            if attr.is_empty() {
                i += 1;
                continue;
            }
            if forbidden {
                continue;
            }
            if let Some(problem) = check_attribute(&name, &attr, value) {
                problems.push((attr_start, problem));
            }
        }
    }
    problems
}

fn check_attribute(tag: &str, attr: &str, value: &str) -> Option<String> {
    let value = value.trim().to_ascii_lowercase();
    if attr.starts_with("on") {
        return Some(format!(
            "the event attribute `{attr}` is not allowed in content: pages run no scripts from content"
        ));
    }
    if value.starts_with("javascript:") {
        return Some(format!("a `javascript:` address in `{attr}` is not allowed in content"));
    }
    let loads = RESOURCE_ATTRIBUTES.contains(&attr) || (attr == "href" && matches!(tag, "link" | "image" | "use"));
    if loads && is_other_origin(&value) {
        return Some(format!("`<{tag} {attr}=...>` loads something from another site; pages load nothing from elsewhere: put the file in the site or link to it instead"));
    }
    if attr == "style" && value.contains("url(") {
        return Some("a `style` with `url(...)` is not allowed in content".to_owned());
    }
    None
}

/// True for addresses on another origin: `//host`, `http:`, `https:` and any other scheme but `data:`.
pub fn is_other_origin(url: &str) -> bool {
    let url = url.trim();
    if url.starts_with("//") {
        return true;
    }
    match url.find(':') {
        Some(colon) => {
            let scheme = &url[..colon];
            !scheme.is_empty()
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !scheme.eq_ignore_ascii_case("data")
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(html: &str) -> Vec<String> {
        check(html).into_iter().map(|(_, m)| m).collect()
    }

    #[test]
    fn allows_harmless_markup() {
        assert!(messages("<abbr title=\"Algemene verordening\">AVG</abbr><br/><sup>1</sup>").is_empty());
        assert!(messages("<a href=\"https://example.org\">x</a><img src=\"images/a.png\" alt=\"a\">").is_empty());
        assert!(messages("<!-- <script> in a comment -->").is_empty());
    }

    #[test]
    fn refuses_scripts_frames_and_handlers() {
        assert!(messages("<script>alert(1)</script>")[0].contains("`<script>` is not allowed"));
        assert!(messages("<IFRAME src=x>")[0].contains("`<iframe>`"));
        assert!(messages("<p onclick='x()'>")[0].contains("`onclick`"));
        assert!(messages("<a href=\" JavaScript:x\">")[0].contains("javascript:"));
    }

    #[test]
    fn refuses_resources_from_elsewhere() {
        let found = check("text <img alt=a src=\"https://cdn.example/x.png\">");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 16);
        assert!(found[0].1.contains("loads something from another site"));
        assert_eq!(messages("<video poster=//x.org/a.jpg>").len(), 1);
    }
}
