package org.redress.cases;

import org.springframework.data.relational.core.mapping.Table;

@Table("case_tags")
record Tag(String name) {
}
