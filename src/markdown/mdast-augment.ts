// Brings the directive node types and `data.hName`/`hProperties`/`hChildren` into mdast's types.
import type {} from 'mdast-util-directive';
import type {} from 'mdast-util-to-hast';
