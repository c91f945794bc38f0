import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { FormSuggestionsController, IndicatorLibraryController } from './indicator-library.controller';
import { IndicatorLibraryRepository } from './indicator-library.repository';
import { IndicatorLibraryService } from './indicator-library.service';

@Module({
  imports: [FormsModule],
  controllers: [IndicatorLibraryController, FormSuggestionsController],
  providers: [IndicatorLibraryService, IndicatorLibraryRepository],
})
export class IndicatorLibraryModule {}
