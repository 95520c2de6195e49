// zod's built-in messages in Chinese, for every schema that has no message of its own.
import { z } from 'zod';

z.config(z.locales.zhCN());
